package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import dev.sightline.ingest.TestCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint upgrade as the Flink Kubernetes Operator does it ({@code upgradeMode: savepoint}):
 * v1 runs on a stream of objects and is stopped with a savepoint; v2, a changed graph (an added
 * backfill source and input-scope filter, parallelism 2 → 1), starts from it and keeps
 * consuming. Every object is analysed exactly once across the upgrade: the backfill re-announces
 * the objects v1 already analysed, and only the dedupe state restored from the savepoint stops them.
 */
class SavepointUpgradeTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

    @TempDir
    Path data;

    @Test
    void aChangedGraphResumesFromTheSavepointAndAnalysesEveryObjectOnce() throws Exception {
        Map<String, String> v1Settings = new HashMap<>(Map.of(
                ConfigKeys.DATA_DIR.name(), data.toString(),
                ConfigKeys.CHECKPOINT_INTERVAL.name(), "300ms",
                ConfigKeys.INBOX_SCAN_INTERVAL.name(), "200ms",
                ConfigKeys.PARALLELISM.name(), "2"));
        SightlineConfig v1 = SightlineConfig.of(v1Settings);
        Path inbox = v1.get(ConfigKeys.INBOX_PATH);
        TestInputs.gaze(inbox, "before-1.csv", 1);
        TestInputs.audio(inbox, "before-2.wav");
        TestInputs.gaze(inbox, "before-3.csv", 3);

        JobClient first = start(v1, null);
        Tables.awaitRows(v1, "media_objects", rows -> rows.size() >= 3, Duration.ofMinutes(2));
        String savepoint = first.stopWithSavepoint(false, data.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                .get(2, TimeUnit.MINUTES);

        Map<String, String> v2Settings = new HashMap<>(v1Settings);
        v2Settings.put(ConfigKeys.PARALLELISM.name(), "1");
        v2Settings.put(ConfigKeys.INPUT_BACKFILL.name(), inbox.toString()); // re-announces everything v1 saw
        v2Settings.put(ConfigKeys.INPUT_PREFIX.name(), inbox + "/");
        SightlineConfig v2 = SightlineConfig.of(v2Settings);
        TestInputs.audio(inbox, "after-1.wav");
        TestInputs.gaze(inbox, "after-2.csv", 5);

        JobClient second = start(v2, savepoint);
        try {
            Tables.awaitRows(v2, "media_objects", rows -> rows.size() >= 5, Duration.ofMinutes(2));
            Thread.sleep(2000); // more checkpoints: a re-analysed old object would be committed now
        } finally {
            second.cancel().get(1, TimeUnit.MINUTES);
        }
        assertThat(Tables.column(Tables.read(v2, "media_objects"), "uri"))
                .hasSize(5).doesNotHaveDuplicates();
        assertThat(Tables.read(v2, "gaze_recordings")).hasSize(3);
    }

    private static JobClient start(SightlineConfig config, String savepoint) throws Exception {
        return TestJob.assembled(config, savepoint, null).executeAsync("sightline " + (savepoint == null ? "v1" : "v2"));
    }
}
