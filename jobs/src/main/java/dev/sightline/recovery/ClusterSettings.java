package dev.sightline.recovery;

import java.util.Map;

/**
 * The shape of a {@link FlinkProcessCluster}: slots per TaskManager, the task heap of each, and
 * Flink settings on top of the ports and folders the cluster chooses (high availability,
 * heartbeats, restart strategy, the S3 file system).
 */
public record ClusterSettings(int slotsPerTaskManager, String taskHeap, Map<String, String> flinkConfig) {

    public ClusterSettings {
        if (slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("a TaskManager needs at least one slot");
        }
        flinkConfig = Map.copyOf(flinkConfig);
    }
}
