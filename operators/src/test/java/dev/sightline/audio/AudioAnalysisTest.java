package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.CollectedRows;
import dev.sightline.sink.LedgerTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One recording at a time through decode, silence splitting, Sphinx4 and the language analysis. */
class AudioAnalysisTest {

    private static LocalObjectStore store;
    private static AudioAnalysis analysis;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        store = new LocalObjectStore();
        analysis = new AudioAnalysis(store, AudioSettings.defaults());
    }

    @AfterAll
    static void unload() throws Exception {
        analysis.close();
        store.close();
    }

    private record Run(Optional<ObjectOutcome> outcome, CollectedRows rows, List<DeadLetter> letters) {}

    private static Run run(Path file) throws Exception {
        MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(file));
        CollectedRows rows = new CollectedRows();
        return new Run(analysis.analyze(object, rows), rows, rows.of(LedgerTables.DEAD_LETTERS));
    }

    @Test
    void speechBecomesATranscriptWithTimedWordsSentimentKeywordsAndTopics() throws Exception {
        // Three LibriVox utterances joined with pauses: one recording, several utterances.
        List<ReferenceTranscripts.Reference> reads = SpeechRecordings.libriVox().subList(0, 3);
        List<short[]> parts = new ArrayList<>();
        for (ReferenceTranscripts.Reference read : reads) {
            parts.add(samples(read.wav()));
            parts.add(SpeechRecordings.silence(1.0));
        }
        Path joined = SpeechRecordings.wav(dir.resolve("reading.wav"), Pcm.concat(parts));
        Run run = run(joined);

        assertThat(run.outcome()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(ObjectStatus.DONE));
        assertThat(run.letters()).isEmpty();
        AudioRows.Transcript transcript = run.rows().of(AudioTables.TRANSCRIPTS).get(0);
        assertThat(run.rows().of(AudioTables.TRANSCRIPTS)).hasSize(1);
        assertThat(transcript.backend()).isEqualTo("sphinx4");
        assertThat(transcript.mediaType()).isEqualTo("audio");
        assertThat(transcript.segments()).isGreaterThanOrEqualTo(3);
        String reference = String.join(" ", reads.stream().map(ReferenceTranscripts.Reference::text).toList());
        assertThat(WordErrorRate.of(reference, transcript.text()).rate()).isLessThan(0.4);
        assertThat(transcript.words()).isEqualTo(run.rows().of(AudioTables.WORDS).size());
        assertThat(transcript.meanConfidence()).isBetween(0.0, 1.0);
        assertThat(transcript.sentimentLabel()).isIn("positive", "negative", "neutral");
        assertThat(transcript.durationS()).isCloseTo(samples(joined).length / 16_000.0, within(0.01));

        // Words are in time order, inside their segment, and segments do not overlap.
        double previousEnd = 0;
        for (AudioRows.Segment segment : run.rows().of(AudioTables.SEGMENTS)) {
            assertThat(segment.startS()).isGreaterThanOrEqualTo(previousEnd - 1e-9);
            previousEnd = segment.endS();
            List<AudioRows.Word> words = run.rows().of(AudioTables.WORDS).stream().filter(w -> w.segmentIndex() == segment.segmentIndex()).toList();
            assertThat(words).hasSize((int) segment.words()).allSatisfy(w -> {
                assertThat(w.startS()).isBetween(segment.startS(), segment.endS());
                assertThat(w.endS()).isBetween(w.startS(), segment.endS() + 1e-9);
            });
            if (segment.words() > 0) {
                assertThat(segment.topicIndex()).isBetween(0L, (long) run.rows().of(AudioTables.TOPICS).size() - 1);
                assertThat(segment.sentimentLabel()).isNotNull();
            }
        }
        assertThat(run.rows().of(AudioTables.KEYWORDS)).isNotEmpty().allSatisfy(k -> assertThat(transcript.text()).contains(k.phrase()));
        assertThat(run.rows().of(AudioTables.KEYWORDS).get(0).rank()).isEqualTo(1);
        assertThat(run.rows().of(AudioTables.TOPICS)).isNotEmpty();
        assertThat(run.rows().of(AudioTables.TOPICS).stream().mapToDouble(AudioRows.Topic::share).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void longSilenceGivesAnEmptyTranscriptNotAnError() throws Exception {
        Run run = run(SpeechRecordings.wav(dir.resolve("quiet.wav"), SpeechRecordings.silence(30)));
        assertThat(run.outcome()).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(ObjectStatus.DONE));
        assertThat(run.letters()).isEmpty();
        assertThat(run.rows().of(AudioTables.TRANSCRIPTS)).singleElement().satisfies(t -> {
            assertThat(t.text()).isEmpty();
            assertThat(t.words()).isZero();
            assertThat(t.durationS()).isCloseTo(30.0, within(0.01));
            assertThat(t.sentimentLabel()).isNull();
        });
        assertThat(run.rows().of(AudioTables.KEYWORDS)).isEmpty();
        assertThat(run.rows().of(AudioTables.TOPICS)).isEmpty();
    }

    @Test
    void badAudioIsADeadLetterWithTheReason() throws Exception {
        Path corrupt = Files.write(dir.resolve("corrupt.wav"), "RIFF\0\0\0\0WAVEfmt junk that is not audio at all".getBytes());
        Run broken = run(corrupt);
        assertThat(broken.outcome()).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(ObjectStatus.FAILED);
            assertThat(o.errorClass()).isEqualTo(AudioDecoder.UNDECODABLE);
            assertThat(o.error()).contains("corrupt.wav");
        });
        assertThat(broken.rows().of(AudioTables.TRANSCRIPTS)).isEmpty();

        // A well-formed WAV whose codec (format tag 0x7a7a) FFmpeg does not know.
        byte[] unknownCodec = Files.readAllBytes(SpeechRecordings.wav(dir.resolve("tmp.wav"), SpeechRecordings.silence(1)));
        unknownCodec[20] = 0x7a;
        unknownCodec[21] = 0x7a;
        Run unsupported = run(Files.write(dir.resolve("unknown-codec.wav"), unknownCodec));
        assertThat(unsupported.outcome()).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(ObjectStatus.FAILED);
            assertThat(o.errorClass()).isEqualTo(AudioDecoder.UNDECODABLE);
            assertThat(o.error()).contains("unknown-codec.wav");
        });

        Path empty = SpeechRecordings.wav(dir.resolve("empty.wav"), new short[0]);
        assertThat(run(empty).outcome()).hasValueSatisfying(o -> assertThat(o.errorClass()).isIn(AudioDecoder.EMPTY_AUDIO, AudioDecoder.UNDECODABLE));

        Path whole = SpeechRecordings.wav(dir.resolve("whole.wav"), SpeechRecordings.silence(6));
        Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(Files.readAllBytes(whole), (int) Files.size(whole) / 2));
        Run truncated = run(cut);
        assertThat(truncated.outcome()).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(ObjectStatus.PARTIAL);
            assertThat(o.errorClass()).isEqualTo(AudioDecoder.BROKEN_AUDIO);
        });
        assertThat(truncated.letters()).singleElement().satisfies(l -> assertThat(l.message()).contains("truncated"));
        assertThat(truncated.rows().of(AudioTables.TRANSCRIPTS)).singleElement().satisfies(t -> assertThat(t.partial()).isTrue());
    }

    @Test
    void aVideosSoundTrackIsTranscribedWithoutALedgerRowAndSilentVideosAreNoProblem() throws Exception {
        ReferenceTranscripts.Reference read = SpeechRecordings.libriVox().get(0);
        Run video = run(SpeechRecordings.videoWithSound(read.wav(), dir.resolve("talk.mp4")));
        assertThat(video.outcome()).isEmpty();
        assertThat(video.letters()).isEmpty();
        assertThat(video.rows().of(AudioTables.TRANSCRIPTS)).singleElement().satisfies(t -> {
            assertThat(t.mediaType()).isEqualTo(MediaType.VIDEO.label());
            assertThat(t.codec()).isEqualTo("aac");
            assertThat(WordErrorRate.of(read.text(), t.text()).rate()).isLessThan(0.5);
        });

        Path silentVideo = dir.resolve("silent.mp4");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(silentVideo.toFile(), 64, 48, 0)) {
            recorder.setFormat("mp4");
            recorder.setFrameRate(10);
            recorder.start();
            for (int i = 0; i < 10; i++) {
                recorder.record(new Frame(64, 48, Frame.DEPTH_UBYTE, 3));
            }
        }
        Run silent = run(silentVideo);
        assertThat(silent.outcome()).isEmpty();
        assertThat(silent.letters()).isEmpty();
        assertThat(silent.rows().of(AudioTables.TRANSCRIPTS)).isEmpty();
    }

    private static short[] samples(Path wav) throws Exception {
        List<short[]> chunks = new ArrayList<>();
        new AudioDecoder(store).decode(new ObjectInspector(store).inspect(LocalPaths.toUri(wav)),
                (chunk, length, first) -> chunks.add(Arrays.copyOf(chunk, length)));
        return Pcm.concat(chunks);
    }
}
