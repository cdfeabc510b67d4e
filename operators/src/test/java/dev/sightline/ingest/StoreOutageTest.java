package dev.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.audio.AudioDecoder;
import dev.sightline.audio.PcmSink;
import dev.sightline.cloud.BrokenConnectionStore;
import dev.sightline.cloud.MemoryObjectStore;
import dev.sightline.cloud.ObjectMetadata;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.StoreUnavailableException;
import dev.sightline.gaze.AdaptiveDetector;
import dev.sightline.gaze.AnalyzeGaze;
import dev.sightline.gaze.CleaningSettings;
import dev.sightline.gaze.GazeSettings;
import dev.sightline.gaze.GazeTables;
import dev.sightline.gaze.ScreenGeometry;
import dev.sightline.gaze.format.ColumnMapping;
import dev.sightline.sink.CollectedRows;
import dev.sightline.video.DetectionSettings;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.VideoAnalysis;
import dev.sightline.video.VideoSettings;
import dev.sightline.video.VideoTables;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose connections break (as S3 behind a resetting network) is never taken for bad input
 * by any branch: a connection that breaks once is read again from where it broke, one that keeps
 * breaking fails the task (Flink restarts it and the object is read again) and records no dead
 * letter, no unreadable or truncated object.
 */
class StoreOutageTest {

    @TempDir
    Path dir;

    private final MemoryObjectStore memory = new MemoryObjectStore();

    private static ObjectStore breakingOnce(ObjectStore store, long after) {
        return new BrokenConnectionStore(store, after, 1);
    }

    private static ObjectStore breakingAlways(ObjectStore store, long after) {
        return new BrokenConnectionStore(store, after, Integer.MAX_VALUE);
    }

    private static void failsTheTask(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(UncheckedIOException.class).hasRootCauseInstanceOf(java.net.SocketException.class)
                .satisfies(e -> assertThat(StoreUnavailableException.in(e)).isPresent());
    }

    private MediaObject inspect(ObjectStore store, String uri) throws Exception {
        ObjectMetadata head = memory.head(uri);
        return new ObjectInspector(store).inspect(new ObjectNotice(uri, head.version(), head.sizeBytes(), Instant.EPOCH, Instant.EPOCH));
    }

    @Test
    void theInspectorReadsAgainWhereTheConnectionBrokeOrFailsTheTask() throws Exception {
        byte[] gaze = gazeCsv(5_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        memory.put("s3://in/lab/p1.csv", gaze, "text/csv");
        MediaObject whole = inspect(memory, "s3://in/lab/p1.csv");
        assertThat(whole.identified()).isTrue();

        MediaObject afterOneBreak = inspect(breakingOnce(memory, 10_000), "s3://in/lab/p1.csv");
        assertThat(afterOneBreak).isEqualTo(whole);

        failsTheTask(() -> inspect(breakingAlways(memory, 10_000), "s3://in/lab/p1.csv"));
    }

    @Test
    void gazeAnalysisFailsTheTaskRatherThanReportAnUnreadableRecording() throws Exception {
        memory.put("s3://in/lab/p1.csv", gazeCsv(5_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII), "text/csv");
        MediaObject object = inspect(memory, "s3://in/lab/p1.csv");
        GazeSettings settings = new GazeSettings(new ScreenGeometry(1024, 768, 380, 300, 670), 0, ColumnMapping.AUTO,
                CleaningSettings.DEFAULTS, new AdaptiveDetector(), List.of(), 30);

        CollectedRows reference = new CollectedRows();
        ObjectOutcome done = AnalyzeGaze.GazeOutcomes.analyze(memory, object, settings, reference);
        assertThat(done.status()).as(done.error()).isEqualTo(ObjectStatus.DONE);

        CollectedRows again = new CollectedRows();
        assertThat(AnalyzeGaze.GazeOutcomes.analyze(breakingOnce(memory, 50_000), object, settings, again).status())
                .isEqualTo(ObjectStatus.DONE);
        assertThat(again.of(GazeTables.FIXATIONS)).isNotEmpty().isEqualTo(reference.of(GazeTables.FIXATIONS));
        assertThat(again.of(GazeTables.SACCADES)).isEqualTo(reference.of(GazeTables.SACCADES));

        failsTheTask(() -> AnalyzeGaze.GazeOutcomes.analyze(breakingAlways(memory, 50_000), object, settings, new CollectedRows()));
    }

    @Test
    void audioDecodingFailsTheTaskRatherThanReportABrokenRecording() throws Exception {
        memory.put("s3://in/talk.wav", wav(16_000 * 3), "audio/wav");
        MediaObject object = inspect(memory, "s3://in/talk.wav");
        Count whole = new Count();
        AudioDecoder.Result reference = new AudioDecoder(memory).decode(object, whole);
        assertThat(reference.complete()).as(reference.problem()).isTrue();

        Count afterOneBreak = new Count();
        AudioDecoder.Result again = new AudioDecoder(breakingOnce(memory, 30_000)).decode(object, afterOneBreak);
        assertThat(again.complete()).as(again.problem()).isTrue();
        assertThat(afterOneBreak.samples).isEqualTo(whole.samples).isEqualTo(reference.samples());
        assertThat(afterOneBreak.sum).isEqualTo(whole.sum);

        failsTheTask(() -> new AudioDecoder(breakingAlways(memory, 30_000)).decode(object, new Count()));
    }

    @Test
    void videoAnalysisFailsTheTaskRatherThanReportAnUndecodableVideo() throws Exception {
        memory.put("s3://in/clip.mp4", mp4(), "video/mp4");
        MediaObject object = inspect(memory, "s3://in/clip.mp4");
        VideoSettings settings = new VideoSettings(64, SceneSettings.DEFAULTS, DetectionSettings.OFF, "s3://processed/");
        CollectedRows reference = new CollectedRows();
        ObjectOutcome done = VideoAnalysis.analyze(memory, object, settings, reference);
        assertThat(done.status()).as(done.error()).isEqualTo(ObjectStatus.DONE);

        long half = object.sizeBytes() / 2;
        CollectedRows again = new CollectedRows();
        assertThat(VideoAnalysis.analyze(breakingOnce(memory, half), object, settings, again).status()).isEqualTo(ObjectStatus.DONE);
        assertThat(again.of(VideoTables.SCENES)).hasSize(2).isEqualTo(reference.of(VideoTables.SCENES));

        failsTheTask(() -> VideoAnalysis.analyze(breakingAlways(memory, half), object, settings, new CollectedRows()));
    }

    /** A Lund-style CSV of {@code rows} samples at 500 Hz: a fixation, a saccade, a fixation, again and again. */
    private static String gazeCsv(int rows) {
        StringBuilder csv = new StringBuilder("time,x,y\n");
        for (int i = 0; i < rows; i++) {
            double x = (i / 200) % 2 == 0 ? 300 : 700;
            csv.append(String.format(Locale.ROOT, "%d,%.1f,%.1f%n", i * 2, x + (i % 7) * 0.3, 400 + (i % 5) * 0.2));
        }
        return csv.toString();
    }

    /** A 16 kHz mono 16-bit PCM WAV file of a 440 Hz tone. */
    private static byte[] wav(int samples) {
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + 2 * samples)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) Math.round(12_000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0)));
        }
        return wav.array();
    }

    /** Two seconds of a small MP4 whose picture changes colour half-way (a cut). */
    private byte[] mp4() throws Exception {
        Path file = dir.resolve("clip.mp4");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48, 0)) {
            recorder.setFormat("mp4");
            recorder.setFrameRate(25);
            recorder.start();
            for (int i = 0; i < 50; i++) {
                Frame picture = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
                ByteBuffer pixels = (ByteBuffer) picture.image[0];
                byte value = (byte) (i < 25 ? 30 : 220);
                for (int p = 0; p < pixels.capacity(); p++) {
                    pixels.put(p, (byte) (value + (p % 13)));
                }
                recorder.record(picture);
            }
        }
        return Files.readAllBytes(file);
    }

    /** Counts samples and sums them. */
    private static final class Count implements PcmSink {
        long samples;
        long sum;

        @Override
        public void accept(short[] chunk, int length, long firstSample) {
            samples += length;
            for (int i = 0; i < length; i++) {
                sum += chunk[i];
            }
        }
    }
}
