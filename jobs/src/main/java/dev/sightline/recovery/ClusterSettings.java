package dev.sightline.recovery;

import java.nio.file.Path;
import java.util.Map;

/**
 * The shape of a {@link FlinkProcessCluster}: slots per TaskManager, the task heap of each, Flink
 * settings on top of the ports and folders the cluster chooses (high availability, heartbeats,
 * restart strategy, the S3 file system), and the job's jar when the processes hold it on their
 * class path, as the job image's Flink folder does (null: jobs bring their jar when submitted).
 */
public record ClusterSettings(int slotsPerTaskManager, String taskHeap, Map<String, String> flinkConfig, Path jobJar) {

    public ClusterSettings {
        if (slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("a TaskManager needs at least one slot");
        }
        flinkConfig = Map.copyOf(flinkConfig);
    }
}
