package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.ObjectMetadata;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.ObjectNotice;
import dev.sightline.sink.LedgerTables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import dev.sightline.ingest.TestCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Files into an inbox → the production graph on a MiniCluster with checkpoints → rows in Iceberg. */
class AnalysisJobEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

    @TempDir
    Path data;

    @Test
    void everyObjectEndsInTheLedgerOnceAndBadOnesInDeadLetters() throws Exception {
        SightlineConfig config = SightlineConfig.of(Map.of(
                ConfigKeys.DATA_DIR.name(), data.toString(),
                ConfigKeys.CHECKPOINT_INTERVAL.name(), "300ms",
                ConfigKeys.INBOX_SCAN_INTERVAL.name(), "200ms",
                ConfigKeys.PARALLELISM.name(), "2",
                ConfigKeys.GAZE_AOI_PREFIX + "everywhere", "rect 0 0 1920 1080"));
        Path inbox = config.get(ConfigKeys.INBOX_PATH);
        Path audio = TestInputs.audio(inbox, "talk.wav");
        TestInputs.video(inbox.resolve("day1"), "clip.mp4");
        TestInputs.gaze(inbox, "viewer.csv", 1);
        TestInputs.copy(audio, inbox, "talk-copy.wav");
        TestInputs.corrupt(inbox, "corrupt.mp4");
        TestInputs.empty(inbox, "empty.wav");

        // A second notice of an object version already in the inbox, as a duplicate S3 event would be.
        ObjectMetadata audioVersion = new LocalObjectStore().head(LocalPaths.toUri(audio));
        ObjectNotice duplicate = new ObjectNotice(audioVersion.uri(), audioVersion.version(), audioVersion.sizeBytes(),
                audioVersion.lastModified(), Instant.now());

        AnalysisJob graph = SightlineJob.graph(config);
        SightlineJob.prepare(config, graph);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(FlinkSettings.of(config, null));
        env.setParallelism(2);
        DataStream<ObjectNotice> notices = SightlineJob.inboxNotices(env, config)
                .union(env.fromData(TypeInformation.of(ObjectNotice.class), duplicate, duplicate).uid("duplicate-notices"));
        graph.attach(notices, SightlineJob.tableWriter(config));
        JobClient job = env.executeAsync("end-to-end");
        try {
            Tables.awaitRows(config, "media_objects", rows -> rows.size() >= 6, Duration.ofMinutes(2));
            Tables.awaitRows(config, "dead_letters", rows -> rows.size() >= 2, Duration.ofMinutes(1));
            Tables.awaitRows(config, "gaze_aoi_metrics", rows -> !rows.isEmpty(), Duration.ofMinutes(1));
            Tables.awaitRows(config, "video_summary", rows -> !rows.isEmpty(), Duration.ofMinutes(1));
            Thread.sleep(1500); // several more checkpoints: nothing else may arrive
        } finally {
            job.cancel().get();
        }

        List<Record> objects = Tables.read(config, "media_objects");
        Map<String, Record> byName = objects.stream().collect(Collectors.toMap(
                r -> Path.of(java.net.URI.create((String) r.getField("uri"))).getFileName().toString(), Function.identity()));
        assertThat(objects).hasSize(6);
        assertThat(byName.keySet()).containsExactlyInAnyOrder(
                "talk.wav", "clip.mp4", "viewer.csv", "talk-copy.wav", "corrupt.mp4", "empty.wav");
        assertThat(byName.get("clip.mp4").getField("media_type")).isEqualTo("video");
        assertThat(byName.get("talk.wav").getField("media_type")).isEqualTo("audio");
        assertThat(byName.get("viewer.csv").getField("media_type")).isEqualTo("gaze");
        assertThat(byName.get("talk.wav").getField("status")).isEqualTo("done");
        assertThat(byName.get("talk-copy.wav").getField("sha256")).isEqualTo(byName.get("talk.wav").getField("sha256"));
        assertThat(byName.get("talk.wav").getField("sha256"))
                .isEqualTo(TestInputs.sha256(audio));
        assertThat(byName.get("corrupt.mp4").getField("status")).isEqualTo("failed");
        assertThat((String) byName.get("corrupt.mp4").getField("error")).startsWith("UnsupportedMediaType: corrupt.mp4");
        assertThat(byName.get("empty.wav").getField("status")).isEqualTo("failed");

        List<Record> deadLetters = Tables.read(config, LedgerTables.DEAD_LETTERS.name());
        assertThat(Tables.column(deadLetters, "error_class")).containsExactly("EmptyObject", "UnsupportedMediaType");
        assertThat(Tables.column(deadLetters, "stage")).containsOnly("identify");

        // The gaze file went through the gaze branch into every gaze table.
        assertThat(byName.get("viewer.csv").getField("stage")).isEqualTo("gaze");
        List<Record> recordings = Tables.read(config, "gaze_recordings");
        assertThat(recordings).singleElement().satisfies(r -> {
            assertThat((String) r.getField("uri")).endsWith("viewer.csv");
            assertThat((Double) r.getField("sampling_rate_hz")).isEqualTo(250.0);
            assertThat((Long) r.getField("fixation_count")).isGreaterThan(3);
        });
        String recordingId = (String) recordings.get(0).getField("recording_id");
        for (String table : List.of("gaze_fixations", "gaze_saccades", "gaze_blinks", "gaze_aoi_metrics")) {
            assertThat(Tables.read(config, table)).as(table).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getField("recording_id")).isEqualTo(recordingId));
        }
        assertThat(Tables.read(config, "gaze_aoi_metrics").get(0).getField("aoi_name")).isEqualTo("everywhere");

        // The video went through the video branch: two scenes, their keyframes exist where rows point.
        assertThat(byName.get("clip.mp4").getField("stage")).isEqualTo("video");
        List<Record> scenes = Tables.read(config, "video_scenes");
        assertThat(scenes).extracting(r -> r.getField("start_frame")).containsExactlyInAnyOrder(0L, 20L);
        assertThat(scenes).allSatisfy(r -> assertThat(java.nio.file.Files.size(
                dev.sightline.cloud.LocalPaths.toPath((String) r.getField("keyframe_uri")))).isPositive());
        assertThat(Tables.read(config, "video_summary")).singleElement()
                .satisfies(r -> assertThat(r.getField("frames_decoded")).isEqualTo(40L));
    }
}
