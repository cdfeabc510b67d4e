package dev.sightline.recovery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Flink settings for fast failure detection and restart that docs/operations.md recommends for
 * production, and that the fault tests and {@code sightline bench recovery} run with.
 */
public final class RecoverySettings {

    private RecoverySettings() {}

    /** Heartbeats, restart strategy, ZooKeeper session and checkpoint-failure tolerance. */
    public static Map<String, String> production() {
        Map<String, String> flink = new LinkedHashMap<>();
        // A killed TaskManager is noticed by its refused connections within two beats; a hung one
        // after the time-out, long enough that a busy machine's GC pause or a JVM start is not taken for death.
        flink.put("heartbeat.interval", "1 s");
        flink.put("heartbeat.timeout", "15 s");
        flink.put("heartbeat.rpc-failure-threshold", "2");
        // Restart at once, then back off: a fault that persists does not spin the cluster.
        flink.put("restart-strategy.type", "exponential-delay");
        flink.put("restart-strategy.exponential-delay.initial-backoff", "500 ms");
        flink.put("restart-strategy.exponential-delay.max-backoff", "10 s");
        flink.put("restart-strategy.exponential-delay.backoff-multiplier", "2.0");
        flink.put("restart-strategy.exponential-delay.reset-backoff-threshold", "1 min");
        flink.put("restart-strategy.exponential-delay.jitter-factor", "0.1");
        flink.put("restart-strategy.exponential-delay.attempts-before-reset-backoff", "1000");
        flink.put("jobmanager.execution.failover-strategy", "region");
        // A new JobManager can lead only once the dead one's ZooKeeper session has expired.
        flink.put("high-availability.zookeeper.client.session-timeout", "6 s");
        flink.put("high-availability.zookeeper.client.connection-timeout", "3 s");
        // A checkpoint that fails on a short S3 outage does not restart the job; a longer outage does.
        flink.put("execution.checkpointing.tolerable-failed-checkpoints", "3");
        // A main() that calls System.exit fails its submission instead of stopping the JobManager.
        flink.put("cluster.intercept-user-system-exit", "THROW");
        return flink;
    }
}
