package dev.sightline.offload;

import java.io.Serializable;

/**
 * A named place where offloaded tasks run, with the resources each task asks for there: on AWS
 * Batch a job queue and job definition; on the local pool the same pool for every name, the
 * resources only recorded.
 *
 * @param name the name routing rules use ({@code default} when a rule names none)
 * @param jobQueue Batch job queue name or ARN (empty for the local pool)
 * @param jobDefinition Batch job definition name, name:revision or ARN (empty for the local pool)
 * @param vcpus vCPUs a task asks for
 * @param memoryMib memory a task asks for, MiB
 * @param gpus GPUs a task asks for
 * @param prices the hourly prices of what a task holds here
 */
public record QueueProfile(String name, String jobQueue, String jobDefinition, double vcpus, long memoryMib, int gpus,
        Prices prices) implements Serializable {

    /** The name of the queue routes use when they name none. */
    public static final String DEFAULT = "default";

    public QueueProfile {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a queue name is lower-case letters, digits and hyphens, not '" + name + "'");
        }
        if (vcpus <= 0 || memoryMib <= 0 || gpus < 0) {
            throw new IllegalArgumentException("queue " + name + ": vCPUs and memory must be positive and GPUs not negative");
        }
    }
}
