package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded mode as `sightline run` uses it: run, stop after a checkpoint, run again from it
 * with more files; every object appears exactly once in media_objects.
 */
class RestartExactlyOnceTest {

    @TempDir
    Path data;

    @Test
    void aRestartedJobResumesFromItsCheckpointAndProcessesNothingTwice() throws Exception {
        SightlineConfig config = SightlineConfig.of(Map.of(
                ConfigKeys.DATA_DIR.name(), data.toString(),
                ConfigKeys.CHECKPOINT_INTERVAL.name(), "300ms",
                ConfigKeys.INBOX_SCAN_INTERVAL.name(), "200ms",
                ConfigKeys.WEB_UI_PORT.name(), "0"));
        Path inbox = config.get(ConfigKeys.INBOX_PATH);
        TestInputs.audio(inbox, "first.wav");
        TestInputs.gaze(inbox, "first.csv", 1);
        TestInputs.corrupt(inbox, "first-corrupt.avi");

        try (LocalCluster run = LocalCluster.start(config)) {
            assertThat(run.resumedFrom()).isEmpty();
            Tables.awaitRows(config, "media_objects", rows -> rows.size() >= 3, Duration.ofMinutes(2));
        }
        assertThat(CheckpointLocator.latest(dev.sightline.cloud.LocalPaths.toPath(config.get(ConfigKeys.CHECKPOINT_PATH)))).isPresent();

        TestInputs.gaze(inbox, "second.csv", 2);
        TestInputs.video(inbox, "second.mp4");
        try (LocalCluster run = LocalCluster.start(config)) {
            assertThat(run.resumedFrom()).isPresent();
            Tables.awaitRows(config, "media_objects", rows -> rows.size() >= 5, Duration.ofMinutes(2));
            Thread.sleep(1500); // several more checkpoints: a re-listed first file would land now
        }

        // A third run with nothing new: the first five stay alone.
        try (LocalCluster run = LocalCluster.start(config)) {
            assertThat(run.resumedFrom()).isPresent();
            Thread.sleep(2000);
        }

        List<Record> rows = Tables.read(config, "media_objects");
        assertThat(Tables.column(rows, "uri")).hasSize(5).doesNotHaveDuplicates();
        assertThat(Tables.column(rows, "uri")).allMatch(uri -> uri.startsWith("file:///"));
        assertThat(Tables.column(Tables.read(config, "dead_letters"), "uri")).singleElement()
                .asString().endsWith("first-corrupt.avi");
    }
}
