package dev.sightline.offload;

import java.time.Instant;

/**
 * What a backend says about one run of a task.
 *
 * @param jobId the backend's id of the run (a Batch job id, a local process's run id)
 * @param state where the run is
 * @param attempts attempts started so far (Batch retries a run within one job)
 * @param reason why the run is in its state, when the backend says (Batch's {@code statusReason})
 * @param exitCode the worker's exit code once it ended, or null
 * @param createdAt when the backend accepted the run, or null
 * @param startedAt when the worker started (last attempt), or null
 * @param stoppedAt when the run ended, or null
 * @param instanceType the machine type it ran on, when the backend knows
 */
public record RunStatus(String jobId, RunState state, int attempts, String reason, Integer exitCode, Instant createdAt,
        Instant startedAt, Instant stoppedAt, String instanceType) {}
