package dev.sightline.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code ./mvnw package}: the application jar on a Flink cluster of separate processes
 * (ZooKeeper HA, checkpoints on S3Proxy, input from ElasticMQ) loses and doubles nothing through a
 * TaskManager SIGKILL, a JobManager SIGKILL, an S3 outage and an SQS outage: every table has
 * exactly the rows of a fault-free run of the same objects, and the queue ends empty.
 */
class ClusterFaultsIT {

    @TempDir
    Path work;

    private static RecoveryDrill.Report drill(Path work, List<Fault> faults, int objects) throws Exception {
        PrintWriter log = new PrintWriter(System.out, true);
        try (RecoveryDrill drill = new RecoveryDrill(work, new RecoveryDrill.Settings(objects, 1, 1, 1, Duration.ofSeconds(2), faults), log)) {
            return drill.run();
        }
    }

    private static void assertNothingLostOrDoubled(RecoveryDrill.Report report, int faults) {
        assertThat(report.outcomes()).hasSize(faults);
        for (FaultOutcome outcome : report.outcomes()) {
            assertThat(outcome.lost()).as("objects lost to " + outcome.fault()).isZero();
            assertThat(outcome.doubled()).as("objects doubled by " + outcome.fault()).isZero();
        }
        assertThat(report.differences()).as("tables that differ from the fault-free run").isEmpty();
        assertThat(report.tables()).isGreaterThan(10);
        assertThat(report.queueLeft()).as("messages left on the queue").isZero();
    }

    @Test
    void nothingLostOrDoubledThroughProcessKillsAndOutages() throws Exception {
        List<Fault> faults = List.of(Fault.TASK_MANAGER_COLD, Fault.JOB_MANAGER, Fault.S3, Fault.SQS);
        RecoveryDrill.Report report = drill(work, faults, 100); // the benchmark runs thousands

        assertNothingLostOrDoubled(report, faults.size());
        FaultOutcome taskManager = report.outcomes().get(0);
        assertThat(taskManager.restarted()).as("the job noticed the killed TaskManager").isTrue();
        assertThat(report.outcomes().get(1).restarted()).as("the job noticed the killed JobManager").isTrue();
    }

    /** The TaskManager kill with a registered spare: slow (a third TaskManager), run by {@code -Dsightline.test.excluded=none}. */
    @Test
    @Tag("slow")
    void aWarmStandbyTakesOverAKilledTaskManager() throws Exception {
        RecoveryDrill.Report report = drill(work, List.of(Fault.TASK_MANAGER_WARM), 200);

        assertNothingLostOrDoubled(report, 1);
        assertThat(report.outcomes().get(0).runningMs()).isLessThanOrEqualTo(RecoveryBenchmark.TASK_MANAGER_TARGET_MS);
    }
}
