package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** openai-whisper's JSON output into segments. */
class WhisperJsonTest {

    private final WhisperJson parser = new WhisperJson();

    @Test
    void wordTimestampsBecomeTimedWords() throws Exception {
        List<TranscriptSegment> segments = parser.segments(AwsTranscriptJsonTest.resource("whisper-words.json"));

        assertThat(segments).extracting(TranscriptSegment::text).containsExactly("Hello there.", "How are you?");
        assertThat(segments).extracting(TranscriptSegment::index).containsExactly(0, 1);
        assertThat(segments.get(1).startSeconds()).isEqualTo(1.3);
        assertThat(segments.get(1).endSeconds()).isEqualTo(2.2);
        assertThat(segments.get(0).words().get(1)).isEqualTo(new TimedWord("there.", 0.48, 1.08, 0.871, null));
        assertThat(segments.get(0).speaker()).isNull();
    }

    @Test
    void segmentsWithoutWordsShareTheirSpanEvenlyAmongTheirTokens() throws Exception {
        List<TranscriptSegment> segments = parser.segments(AwsTranscriptJsonTest.resource("whisper-no-words.json"));

        assertThat(segments).hasSize(2);
        List<TimedWord> words = segments.get(0).words();
        assertThat(words).extracting(TimedWord::word).containsExactly("Good", "morning", "everyone.");
        assertThat(words.get(0).startSeconds()).isEqualTo(2.0);
        assertThat(words.get(1).startSeconds()).isCloseTo(2.5, within(1e-9));
        assertThat(words.get(1).endSeconds()).isCloseTo(3.0, within(1e-9));
        assertThat(words.get(2).endSeconds()).isEqualTo(3.5);
        assertThat(words).allSatisfy(w -> assertThat(w.confidence()).isNaN());
        assertThat(segments.get(0).confidence()).isNaN();
        assertThat(segments.get(1).words()).isEmpty();
    }

    @Test
    void speakersOfWhisperXAreKept() throws Exception {
        String json = """
                {"segments": [{"start": 0.5, "end": 1.0, "text": " Hi.", "speaker": "SPEAKER_01",
                  "words": [{"word": "Hi.", "start": 0.5, "end": 0.9, "score": 0.7}]}]}
                """;
        TranscriptSegment segment = parser.segments(json.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(segment.speaker()).isEqualTo("SPEAKER_01");
        assertThat(segment.words().get(0).speaker()).isEqualTo("SPEAKER_01");
        assertThat(segment.words().get(0).confidence()).isNaN();
    }

    @Test
    void otherJsonIsAClearError() {
        assertThatThrownBy(() -> parser.segments("{\"results\": {}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptionException.class).hasMessageContaining("no segments array");
        assertThatThrownBy(() -> parser.segments("Traceback (most recent call last):".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptionException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parser.segments("{\"segments\": [{\"start\": 2.0, \"end\": 1.0, \"text\": \"x\"}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptionException.class).hasMessageContaining("ends (1.0) before it starts (2.0)");
        assertThatThrownBy(() -> parser.segments("{\"segments\": [{\"end\": 1.0, \"text\": \"x\"}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptionException.class).hasMessageContaining("segment 0").hasMessageContaining("no start");
    }
}
