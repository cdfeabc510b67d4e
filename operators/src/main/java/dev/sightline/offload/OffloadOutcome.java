package dev.sightline.offload;

import dev.sightline.ingest.MediaObject;
import java.time.Instant;

/**
 * How one offloaded task ended: the run's facts for {@code compute_runs}, and the worker's result
 * document, or why there is none.
 *
 * @param backend the backend that ran it (in-task for a fallback run)
 * @param route the routing rule, or {@code breaker-open} for a fallback run
 * @param status succeeded, failed, timed-out or cancelled ({@link ComputeRun})
 * @param resultJson the result document, or null when the run left none
 * @param errorClass why there is no result: OffloadFailed, OffloadTimedOut, OffloadCancelled,
 *     OffloadRejected; null with a result
 * @param error the reason, naming the job
 */
public record OffloadOutcome(MediaObject object, String taskId, String backend, String route, String queue, String tenant,
        String jobId, int attempts, Instant submittedAt, Instant startedAt, Instant finishedAt, String instanceType,
        double vcpus, int gpus, long memoryMib, double costUsd, String status, String resultJson, String errorClass, String error) {

    public static final String FAILED = "OffloadFailed";
    public static final String TIMED_OUT = "OffloadTimedOut";
    public static final String CANCELLED = "OffloadCancelled";
    public static final String REJECTED = "OffloadRejected";
    public static final String UNREADABLE = "OffloadResultUnreadable";
}
