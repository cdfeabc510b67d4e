package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Amazon Transcribe's transcript JSON, as its developer guide documents it, into segments. */
class AwsTranscriptJsonTest {

    private final AwsTranscriptJson parser = new AwsTranscriptJson();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = AwsTranscriptJsonTest.class.getResourceAsStream("/audio/" + name)) {
            if (in == null) {
                throw new IOException("no test resource /audio/" + name);
            }
            return in.readAllBytes();
        }
    }

    @Test
    void withoutAudioSegmentsCutsAtSentenceEndsAndSpeakerChanges() throws Exception {
        List<TranscriptSegment> segments = parser.segments(resource("aws-transcript-speakers.json"));

        assertThat(segments).extracting(TranscriptSegment::text).containsExactly("Hello there.", "How are you?", "Fine, thanks.");
        assertThat(segments).extracting(TranscriptSegment::index).containsExactly(0, 1, 2);
        assertThat(segments).extracting(TranscriptSegment::speaker).containsExactly("spk_0", "spk_0", "spk_1");
        TranscriptSegment first = segments.get(0);
        assertThat(first.startSeconds()).isEqualTo(0.04);
        assertThat(first.endSeconds()).isEqualTo(0.79);
        TimedWord there = first.words().get(1);
        assertThat(there.word()).isEqualTo("there.");
        assertThat(there.startSeconds()).isEqualTo(0.43);
        assertThat(there.endSeconds()).isEqualTo(0.79);
        assertThat(there.confidence()).isEqualTo(0.991);
        assertThat(there.speaker()).isEqualTo("spk_0");
        TranscriptSegment last = segments.get(2);
        assertThat(last.words()).extracting(TimedWord::word).containsExactly("Fine,", "thanks.");
        assertThat(last.confidence()).isCloseTo((0.87 + 0.93) / 2, within(1e-9));
        assertThat(last.startSeconds()).isEqualTo(2.5);
        assertThat(last.endSeconds()).isEqualTo(3.4);
    }

    @Test
    void audioSegmentsBecomeTheSegmentsWithTheirItemsWords() throws Exception {
        List<TranscriptSegment> segments = parser.segments(resource("aws-transcript-audio-segments.json"));

        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).text()).isEqualTo("Hello there. How are you?");
        assertThat(segments.get(0).startSeconds()).isEqualTo(0.0);
        assertThat(segments.get(0).endSeconds()).isEqualTo(1.65);
        assertThat(segments.get(0).speaker()).isEqualTo("spk_0");
        assertThat(segments.get(0).words()).hasSize(5);
        assertThat(segments.get(1).text()).isEqualTo("Fine, thanks.");
        assertThat(segments.get(1).speaker()).isEqualTo("spk_1");
        assertThat(segments.get(1).startSeconds()).isEqualTo(2.45);
        assertThat(segments.get(1).words()).extracting(TimedWord::startSeconds).containsExactly(2.5, 2.9);
    }

    @Test
    void olderTranscriptsGiveSpeakersOnlyInSpeakerSegments() throws Exception {
        String json = """
                {"results": {
                  "transcripts": [{"transcript": "Yes. No"}],
                  "speaker_labels": {"speakers": 2, "segments": [
                    {"start_time": "0.5", "end_time": "0.9", "speaker_label": "spk_0",
                     "items": [{"start_time": "0.5", "end_time": "0.9", "speaker_label": "spk_0"}]},
                    {"start_time": "1.5", "end_time": "1.8", "speaker_label": "spk_1",
                     "items": [{"start_time": "1.5", "end_time": "1.8", "speaker_label": "spk_1"}]}]},
                  "items": [
                    {"start_time": "0.5", "end_time": "0.9", "alternatives": [{"confidence": "0.95", "content": "Yes"}], "type": "pronunciation"},
                    {"alternatives": [{"confidence": "0.0", "content": "."}], "type": "punctuation"},
                    {"start_time": "1.5", "end_time": "1.8", "alternatives": [{"confidence": "0.61", "content": "No"}], "type": "pronunciation"}]}}
                """;
        List<TranscriptSegment> segments = parser.segments(json.getBytes(StandardCharsets.UTF_8));

        assertThat(segments).extracting(TranscriptSegment::text).containsExactly("Yes.", "No");
        assertThat(segments).extracting(TranscriptSegment::speaker).containsExactly("spk_0", "spk_1");
        assertThat(segments.get(1).words().get(0).speaker()).isEqualTo("spk_1");
    }

    @Test
    void withoutSpeakersOneSpeakerlessSegmentPerSentence() throws Exception {
        String json = """
                {"results": {"transcripts": [{"transcript": "One two? Three"}], "items": [
                  {"id": 0, "start_time": "0.1", "end_time": "0.3", "alternatives": [{"confidence": "0.9", "content": "One"}], "type": "pronunciation"},
                  {"id": 1, "start_time": "0.3", "end_time": "0.6", "alternatives": [{"content": "two"}], "type": "pronunciation"},
                  {"id": 2, "alternatives": [{"confidence": "0.0", "content": "?"}], "type": "punctuation"},
                  {"id": 3, "start_time": "1.0", "end_time": "1.4", "alternatives": [{"confidence": "0.8", "content": "Three"}], "type": "pronunciation"}]}}
                """;
        List<TranscriptSegment> segments = parser.segments(json.getBytes(StandardCharsets.UTF_8));

        assertThat(segments).extracting(TranscriptSegment::text).containsExactly("One two?", "Three");
        assertThat(segments).extracting(TranscriptSegment::speaker).containsOnlyNulls();
        assertThat(segments.get(0).words().get(1).confidence()).isNaN();
        assertThat(segments.get(0).confidence()).isEqualTo(0.9);
    }

    @Test
    void silenceIsNoSegments() throws Exception {
        String json = "{\"jobName\": \"j\", \"results\": {\"transcripts\": [{\"transcript\": \"\"}], \"items\": []}, \"status\": \"COMPLETED\"}";
        assertThat(parser.segments(json.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void malformedTranscriptsAreClearErrors() {
        assertThatThrownBy(() -> parser.segments("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptionException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parser.segments("{\"text\": \"whisper?\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptionException.class).hasMessageContaining("no results object");
        String badTime = "{\"results\": {\"items\": [{\"start_time\": \"soon\", \"end_time\": \"1\", \"type\": \"pronunciation\","
                + " \"alternatives\": [{\"content\": \"x\"}]}]}}";
        assertThatThrownBy(() -> parser.segments(badTime.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptionException.class).hasMessageContaining("item 0").hasMessageContaining("start_time soon");
        String missingItem = "{\"results\": {\"items\": [], \"audio_segments\": [{\"id\": 0, \"start_time\": \"0\", \"end_time\": \"1\","
                + " \"transcript\": \"x\", \"items\": [4]}]}}";
        assertThatThrownBy(() -> parser.segments(missingItem.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TranscriptionException.class).hasMessageContaining("names item 4");
    }
}
