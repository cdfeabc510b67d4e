package dev.sightline.offload;

import java.io.IOException;

/**
 * Somewhere offloaded tasks run: a pool of local worker processes, AWS Batch, or the task
 * manager itself. Each run executes {@code sightline worker TASK-URI}. Implementations are used
 * from several threads at once.
 */
public interface ComputeBackend extends AutoCloseable {

    /** The name recorded in {@code compute_runs}: {@code in-task}, {@code local-process}, {@code aws-batch}. */
    String name();

    /**
     * Starts a run of {@code task} unless one exists already (a replay after a restore must find
     * it, never start a second), and returns its status. The task document is already written.
     */
    RunStatus submit(ComputeTask task) throws IOException;

    /** The status of run {@code jobId} of {@code task}. */
    RunStatus describe(ComputeTask task, String jobId) throws IOException;

    /** Stops run {@code jobId} (time-out, job cancelled); quiet when it has ended already. */
    void cancel(ComputeTask task, String jobId, String reason) throws IOException;

    @Override
    default void close() throws Exception {}
}
