package dev.sightline.job;

import dev.sightline.config.SightlineConfig;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The production job as the tests start it on the test MiniCluster: tables prepared, graph assembled. */
final class TestJob {

    private TestJob() {}

    /**
     * An environment holding the configured job, ready to execute.
     *
     * @param savepoint a savepoint to start from, or null
     * @param stopWhenIdle (SQS input) end once the queue has been empty this long, or null
     */
    static StreamExecutionEnvironment assembled(SightlineConfig config, String savepoint, Duration stopWhenIdle) {
        AnalysisJob graph = SightlineJob.graph(config);
        SightlineJob.prepare(config, graph);
        Configuration flink = FlinkSettings.of(config, null);
        if (savepoint != null) {
            flink.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        SightlineJob.assemble(env, config, graph, stopWhenIdle);
        return env;
    }

    /** Runs the SQS-fed job until the queue has been empty for {@code idle}. */
    static void runUntilIdle(SightlineConfig config, Duration idle) throws Exception {
        assembled(config, null, idle).execute("sqs end-to-end");
    }
}
