package dev.sightline.offload;

import java.time.Instant;

/**
 * A row of {@code compute_runs}: one object's analysis on one backend, what it held and what it
 * cost. Written for every analysed object, in the task or offloaded.
 *
 * @param stage the analysis: video, audio or gaze
 * @param backend in-task, local-process or aws-batch
 * @param route the rule that sent the object there ({@code default} when none did, {@code breaker-open}
 *     for a fallback run in the task)
 * @param queue the queue it ran on, or null in the task
 * @param jobId the backend's id of the run, or null in the task
 * @param attempts attempts the run took
 * @param queuedS seconds from submission to the start of the last attempt (NaN when unknown)
 * @param runS seconds the last attempt ran (in the task: from the object's notice to its outcome)
 * @param costUsd estimated from configured hourly prices; NaN when the run time is unknown
 * @param status succeeded, failed, timed-out or cancelled
 * @param outcome the object's ledger status (done, partial, failed)
 * @param reason why a run did not succeed
 */
public record ComputeRun(String uri, String version, String mediaType, String stage, String backend, String route, String queue,
        String tenant, String taskId, String jobId, long attempts, Instant submittedAt, Instant startedAt, Instant finishedAt,
        double queuedS, double runS, double vcpus, long gpus, long memoryMib, String instanceType, double costUsd, String status,
        String outcome, String reason) {

    /** Run statuses. */
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String TIMED_OUT = "timed-out";
    public static final String CANCELLED = "cancelled";
}
