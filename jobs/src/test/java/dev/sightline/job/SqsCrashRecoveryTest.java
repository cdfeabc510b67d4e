package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.InputConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.ObjectNotice;
import dev.sightline.ingest.sqs.SplitAnnouncements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import dev.sightline.ingest.TestCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQS-fed job fails by an injected exception after a checkpoint, restores from it and goes on:
 * every object is in media_objects exactly once and the queue ends empty.
 */
class SqsCrashRecoveryTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

    @TempDir
    Path data;

    /** Throws once, on the first notice after a completed checkpoint; a marker file remembers it across the restart. */
    static final class FailOnceAfterCheckpoint extends RichMapFunction<ObjectNotice, ObjectNotice> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final String marker;
        private boolean checkpointed;

        FailOnceAfterCheckpoint(Path marker) {
            this.marker = marker.toString();
        }

        @Override
        public ObjectNotice map(ObjectNotice notice) throws IOException {
            if (checkpointed && !Files.exists(Path.of(marker))) {
                Files.createFile(Path.of(marker));
                throw new IllegalStateException("injected failure after a checkpoint");
            }
            return notice;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws IOException {
            checkpointed = true;
            Path armed = Path.of(marker + ".armed-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
            if (!Files.exists(armed)) { // tells the test this subtask fails on its next notice
                Files.createFile(armed);
            }
        }
    }

    /**
     * Starts the SQS-fed production graph (parallelism 2, checkpoints on the configured path) with
     * a {@link FailOnceAfterCheckpoint} behind the source; it ends once the queue was idle that long.
     */
    static JobClient startFailingOnce(SightlineConfig config, Path marker, Duration idle) throws Exception {
        AnalysisJob graph = SightlineJob.graph(config);
        SightlineJob.prepare(config, graph);
        var flink = FlinkSettings.of(config, null);
        FlinkSettings.initializeFileSystems(flink);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(2);
        SingleOutputStreamOperator<ObjectNotice> notices = SightlineJob.sqsNotices(env, InputConfig.sqs(config, idle));
        DataStream<ObjectNotice> failing = notices.map(new FailOnceAfterCheckpoint(marker)).name("inject a failure").uid("inject-failure");
        graph.attach(failing, notices.getSideOutput(SplitAnnouncements.UNUSABLE), SightlineJob.tableWriter(config));
        return env.executeAsync("crash and restore");
    }

    private static void awaitCompletedCheckpoint(LoopbackAws aws) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (aws.store.list("s3://state/checkpoints/").stream().noneMatch(o -> o.uri().endsWith("/_metadata"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no checkpoint completed on S3 within a minute");
            }
            Thread.sleep(100);
        }
    }

    /** Waits until every subtask of a {@link FailOnceAfterCheckpoint} has heard of a completed checkpoint. */
    static void awaitArmed(Path marker, int subtasks) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (int i = 0; i < subtasks; i++) {
            Path armed = Path.of(marker + ".armed-" + i);
            while (!Files.exists(armed)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("subtask " + i + " heard of no completed checkpoint within a minute");
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void everyObjectOnceAfterAFailureAndRestore() throws Exception {
        try (LoopbackAws aws = new LoopbackAws("crash")) {
            Path local = data.resolve("local");
            List<String> uris = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                // Eye-tracking files: cheap to analyse, so the checkpoints, not the analysis, set the pace.
                String key = String.format("batch/recording-%02d.csv", i);
                uris.add(aws.put(key, TestInputs.gaze(local, "r" + i + ".csv", i)));
                keys.add(key);
            }
            keys.subList(0, 15).forEach(key -> aws.send(aws.created(key)));
            Map<String, String> settings = aws.settings(data);
            settings.put(ConfigKeys.INPUT_SQS_VISIBILITY.name(), "3s"); // undeleted messages come back soon after the failure
            aws.s3Client.createBucket(b -> b.bucket("state"));
            settings.put(ConfigKeys.CHECKPOINT_PATH.name(), "s3://state/checkpoints"); // restored from S3 through Flink's S3 plugin
            SightlineConfig config = SightlineConfig.of(settings);
            Path marker = data.resolve("failed-once");

            var job = startFailingOnce(config, marker, Duration.ofSeconds(30)); // idle long enough to outlast the first checkpoint
            awaitCompletedCheckpoint(aws);
            awaitArmed(marker, 2); // every subtask has heard of the checkpoint: the next notices meet the failure
            keys.subList(15, 30).forEach(key -> aws.send(aws.created(key)));
            job.getJobExecutionResult().get();

            assertThat(marker).exists();
            List<Record> objects = Tables.read(config, "media_objects");
            assertThat(Tables.column(objects, "uri")).containsExactlyInAnyOrderElementsOf(uris);
            assertThat(aws.queueDepth()).isZero();
            assertThat(aws.store.list("s3://state/checkpoints/")).isNotEmpty();
        }
    }
}
