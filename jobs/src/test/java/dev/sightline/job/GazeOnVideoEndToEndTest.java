package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.attention.TwoSquares;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.TestCluster;
import dev.sightline.video.TinyOnnxModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gaze on video in the job: the generated two-squares video and recordings of it dropped into the
 * inbox fill every gaze-on-video table; a job that ran without the join is upgraded to one with it
 * from a savepoint and joins what comes next.
 */
class GazeOnVideoEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

    @TempDir
    Path data;

    /** Moving regions, and a tiny ONNX model that knows where the still square is. */
    private Map<String, String> settings() throws Exception {
        double sx = TwoSquares.WIDTH / 64.0;
        double sy = TwoSquares.HEIGHT / 64.0;
        float[][] rows = {{(float) ((TwoSquares.STILL_X + TwoSquares.SIDE / 2.0) / sx), (float) ((TwoSquares.STILL_Y + TwoSquares.SIDE / 2.0) / sy),
            (float) (TwoSquares.SIDE / sx), (float) (TwoSquares.SIDE / sy), 0.95f, 0.95f}};
        Path model = Files.write(Files.createDirectories(data.resolve("models")).resolve("still.onnx"), TinyOnnxModel.constantDetections(64, rows));
        return new HashMap<>(Map.of(
                ConfigKeys.DATA_DIR.name(), data.toString(),
                ConfigKeys.CHECKPOINT_INTERVAL.name(), "300ms",
                ConfigKeys.INBOX_SCAN_INTERVAL.name(), "200ms",
                ConfigKeys.VIDEO_DETECTORS.name(), "moving-object",
                ConfigKeys.VIDEO_DETECTION_WIDTH.name(), "640",
                ConfigKeys.VIDEO_ONNX_MODEL.name(), model.toString(),
                ConfigKeys.VIDEO_ONNX_LABELS.name(), "sign",
                ConfigKeys.VIDEO_ONNX_INPUT.name(), "64",
                ConfigKeys.VIDEO_ONNX_MIN_SCORE.name(), "0.5"));
    }

    private static void drop(Path inbox, String name, String text) throws Exception {
        Path staged = inbox.resolveSibling(name + ".staged");
        Files.writeString(staged, text);
        Files.move(staged, inbox.resolve(name));
    }

    private static void dropVideo(Path inbox, Path data) throws Exception {
        Path staged = TwoSquares.writeVideo(data.resolve("staging/two-squares.mp4"));
        Files.move(staged, inbox.resolve("two-squares.mp4"));
    }

    @Test
    void aVideoAndTwoRecordingsOfItFillEveryGazeOnVideoTable() throws Exception {
        SightlineConfig config = SightlineConfig.of(settings());
        Path inbox = Files.createDirectories(config.get(ConfigKeys.INBOX_PATH));
        // a recording first, then the video, then another recording: both orders meet in the join
        drop(inbox, "p01.tsv", TwoSquares.tobii(new TwoSquares.Screen(320, 180, 1280, 720, 10_500), "P01", "two-squares.mp4"));
        JobClient job = TestJob.assembled(config, null, null).executeAsync("gaze on video end-to-end");
        try {
            Tables.awaitRows(config, "gaze_stimuli", rows -> rows.size() == 1, Duration.ofMinutes(2));
            dropVideo(inbox, data);
            Tables.awaitRows(config, "video_summary", rows -> rows.size() == 1, Duration.ofMinutes(2));
            drop(inbox, "p02.asc", TwoSquares.eyeLink(new TwoSquares.Screen(0, 152, 1280, 720, 5_000_000), "two-squares.mp4"));
            Tables.awaitRows(config, "video_attention", rows -> rows.stream().anyMatch(r -> Long.valueOf(2).equals(r.getField("viewers_total"))),
                    Duration.ofMinutes(2));
            // each sink commits its own table: the hits of the second recording can land a checkpoint later
            Tables.awaitRows(config, "gaze_object_hits", rows -> rows.stream().map(r -> r.getField("recording_id")).distinct().count() == 2,
                    Duration.ofMinutes(2));
            Tables.awaitRows(config, "gaze_scene_attention", rows -> rows.size() == 4, Duration.ofMinutes(2));
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
        List<Record> stimuli = Tables.read(config, "gaze_stimuli");
        assertThat(Tables.column(stimuli, "link_source")).containsExactlyInAnyOrder("tobii-media", "eyelink-vframe");
        assertThat(Tables.column(stimuli, "stimulus_key")).containsOnly("uri:" + LocalPaths.toUri(inbox.resolve("two-squares.mp4")));
        List<Record> hits = Tables.read(config, "gaze_object_hits");
        assertThat(Tables.column(hits, "label")).contains("moving-object", "sign");
        assertThat(Tables.column(hits, "recording_id")).containsAll(Tables.column(stimuli, "recording_id"));
        List<Record> tracks = Tables.read(config, "gaze_track_attention");
        assertThat(tracks).filteredOn(r -> "sign".equals(r.getField("label"))).hasSize(2).allSatisfy(r -> {
            double stillMs = (TwoSquares.STILL_END_S - TwoSquares.STILL_START_S) * 1000;
            assertThat((Double) r.getField("dwell_ms")).isBetween(0.8 * stillMs, 1.2 * stillMs);
        });
        assertThat(Tables.read(config, "gaze_scene_attention")).hasSize(4); // two scenes, two recordings
        assertThat(Tables.read(config, "video_attention")).filteredOn(r -> Long.valueOf(2).equals(r.getField("viewers_total")))
                .filteredOn(r -> "sign".equals(r.getField("label"))).singleElement()
                .satisfies(r -> assertThat(r.getField("viewers_looked")).isEqualTo(2L));
        assertThat(Tables.read(config, "dead_letters")).isEmpty();
    }

    @Test
    void aJobWithoutTheJoinIsUpgradedToOneWithItFromASavepoint() throws Exception {
        Map<String, String> v1Settings = settings();
        v1Settings.put(ConfigKeys.GAZE_VIDEO_JOIN.name(), "false");
        SightlineConfig v1 = SightlineConfig.of(v1Settings);
        Path inbox = Files.createDirectories(v1.get(ConfigKeys.INBOX_PATH));
        TestInputs.gaze(inbox, "before.csv", 1);
        JobClient first = TestJob.assembled(v1, null, null).executeAsync("sightline without the join");
        Tables.awaitRows(v1, "gaze_recordings", rows -> rows.size() == 1, Duration.ofMinutes(2));
        String savepoint = first.stopWithSavepoint(false, data.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);

        Map<String, String> v2Settings = new HashMap<>(v1Settings);
        v2Settings.put(ConfigKeys.GAZE_VIDEO_JOIN.name(), "true");
        SightlineConfig v2 = SightlineConfig.of(v2Settings);
        dropVideo(inbox, data);
        drop(inbox, "p01.tsv", TwoSquares.tobii(new TwoSquares.Screen(320, 180, 1280, 720, 10_500), "P01", "two-squares.mp4"));
        JobClient second = TestJob.assembled(v2, savepoint, null).executeAsync("sightline with the join");
        try {
            Tables.awaitRows(v2, "gaze_track_attention", rows -> !rows.isEmpty(), Duration.ofMinutes(2));
            Tables.awaitRows(v2, "media_objects", rows -> rows.size() >= 3, Duration.ofMinutes(1));
        } finally {
            second.cancel().get(1, TimeUnit.MINUTES);
        }
        assertThat(Tables.column(Tables.read(v2, "media_objects"), "uri")).hasSize(3).doesNotHaveDuplicates();
        assertThat(Tables.read(v2, "gaze_recordings")).hasSize(2);
        assertThat(Tables.column(Tables.read(v2, "gaze_object_hits"), "label")).contains("sign");
    }
}
