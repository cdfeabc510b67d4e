package dev.sightline.config;

/** Where offloaded analyses run ({@code offload.backend}). */
public enum OffloadBackendKind {
    /** Nothing is offloaded: every analysis runs in the task managers (the streaming branches). */
    IN_TASK,
    /** A pool of worker processes beside each task manager. */
    LOCAL_PROCESS,
    /** AWS Batch job queues. */
    AWS_BATCH
}
