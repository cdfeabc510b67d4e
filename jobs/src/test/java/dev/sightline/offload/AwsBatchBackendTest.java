package dev.sightline.offload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aws-batch backend, driven through the real SDK client against the loopback Batch stand-in:
 * what SubmitJob carries, a replay that finds its job, Batch's retry strategy for spot reclaims,
 * worker failures and bad input, cancellation, and throttling as the breaker sees it.
 */
class AwsBatchBackendTest {

    @TempDir
    Path dir;

    private BatchStandIn batch;
    private AwsBatchBackend backend;

    @BeforeEach
    void start() throws Exception {
        // The "container" writes its arguments to a file named after its task and exits with the code in it.
        Path script = Files.writeString(dir.resolve("container.sh"), "echo \"$@\" > \"" + dir + "/ran-$SIGHTLINE_TASK_ID\"\n"
                + "case \"$SIGHTLINE_TASK_ID\" in *slow*) sleep 5;; esac\nexit 0\n");
        batch = new BatchStandIn(List.of("sh", script.toString()), Map.of("FROM_INSTANCE_ROLE", "yes"), 2, dir.resolve("logs"))
                .delays(Duration.ofMillis(20), Duration.ofMillis(20));
        backend = new AwsBatchBackend(settings(false));
    }

    private AwsBatchBackend.Settings settings(boolean fairShare) {
        return new AwsBatchBackend.Settings("us-east-1", batch.endpoint(), "key", "secret", fairShare, 3,
                Map.of("video", Duration.ofMinutes(30), "audio", Duration.ofMinutes(20), "gaze", Duration.ofMinutes(5)), List.of());
    }

    @AfterEach
    void stop() {
        backend.close();
        batch.close();
    }

    private static ComputeTask task(String name, int gpus) {
        MediaObject object = new MediaObject("s3://in/" + name + ".mp4", "etag-1", 1000, Instant.EPOCH, Instant.EPOCH, "ab",
                MediaType.VIDEO, MediaFormat.MP4, null, null);
        QueueProfile queue = new QueueProfile("gpu", "sightline-gpu", "sightline-worker:3", 4, 16384, gpus, new Prices(0.04, 0.77, 0.004));
        String id = "video-" + name;
        return new ComputeTask(id, object, "f1", TaskFiles.of("s3://out/offload", id), queue,
                Tenant.of("team-a", "s3://in/", 700, 10), List.of("worker", "s3://out/offload/" + id + "/task.json"));
    }

    private RunStatus await(ComputeTask task, String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        RunStatus status = backend.describe(task, jobId);
        while (!status.state().finished()) {
            assertThat(System.nanoTime()).as("job " + jobId + " still " + status.state()).isLessThan(deadline);
            Thread.sleep(50);
            status = backend.describe(task, jobId);
        }
        return status;
    }

    @Test
    void aTaskBecomesAJobWithItsCommandResourcesRetryStrategyAndTags() throws Exception {
        ComputeTask task = task("one", 1);
        RunStatus submitted = backend.submit(task);
        RunStatus done = await(task, submitted.jobId());

        assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.exitCode()).isZero();
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.stoppedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(Files.readString(dir.resolve("ran-video-one")).strip()).isEqualTo("worker s3://out/offload/video-one/task.json");
        try (AwsBatchBackend imaged = new AwsBatchBackend(new AwsBatchBackend.Settings("us-east-1", batch.endpoint(), "key", "secret", false,
                3, Map.of(), List.of("/opt/sightline/bin/sightline")))) {
            imaged.submit(task("imaged", 0));
        }
        assertThat(batch.submitted().get(1).path("containerOverrides").path("command").toString())
                .isEqualTo("[\"/opt/sightline/bin/sightline\",\"worker\",\"s3://out/offload/video-imaged/task.json\"]");
        JsonNode request = batch.submitted().get(0);
        assertThat(request.path("jobName").asText()).isEqualTo("sightline-video-one");
        assertThat(request.path("jobQueue").asText()).isEqualTo("sightline-gpu");
        assertThat(request.path("jobDefinition").asText()).isEqualTo("sightline-worker:3");
        assertThat(request.path("containerOverrides").path("resourceRequirements").toString())
                .contains("{\"value\":\"4\",\"type\":\"VCPU\"}", "{\"value\":\"16384\",\"type\":\"MEMORY\"}", "{\"value\":\"1\",\"type\":\"GPU\"}");
        assertThat(request.path("retryStrategy").path("attempts").asInt()).isEqualTo(3);
        assertThat(request.path("retryStrategy").path("evaluateOnExit").toString())
                .contains("\"onStatusReason\":\"Host EC2*\",\"action\":\"RETRY\"", "\"onExitCode\":\"3\",\"action\":\"EXIT\"",
                        "\"onExitCode\":\"2\",\"action\":\"EXIT\"");
        assertThat(request.path("timeout").path("attemptDurationSeconds").asInt()).isEqualTo(1800);
        assertThat(request.path("tags").path("sightline:tenant").asText()).isEqualTo("team-a");
        assertThat(request.has("shareIdentifier")).as("no fair-share policy configured").isFalse();
    }

    @Test
    void onAFairShareQueueJobsCarryTheTenantsShareAndPriority() throws Exception {
        try (AwsBatchBackend fair = new AwsBatchBackend(settings(true))) {
            fair.submit(task("fair", 0));
        }
        JsonNode request = batch.submitted().get(0);
        assertThat(request.path("shareIdentifier").asText()).isEqualTo("teama");
        assertThat(request.path("schedulingPriorityOverride").asInt()).isEqualTo(700);
        assertThat(request.path("containerOverrides").path("resourceRequirements").toString()).doesNotContain("GPU");
    }

    @Test
    void submittingAgainFindsTheJobInsteadOfStartingASecond() throws Exception {
        ComputeTask task = task("slow-replayed", 0);
        RunStatus first = backend.submit(task);
        try (AwsBatchBackend afterRestore = new AwsBatchBackend(settings(false))) {
            RunStatus again = afterRestore.submit(task);
            assertThat(again.jobId()).isEqualTo(first.jobId());
        }
        assertThat(batch.submitsByName()).containsEntry("sightline-video-slow-replayed", 1);
        backend.cancel(task, first.jobId(), "test over");
        RunStatus cancelled = await(task, first.jobId());
        assertThat(cancelled.state()).isEqualTo(RunState.FAILED);
        assertThat(cancelled.reason()).isEqualTo("Terminated by sightline: test over");
    }

    @Test
    void aSpotReclaimAndAFailedWorkerAreRetriedButBadInputIsNot() throws Exception {
        batch.reclaim("reclaimed", Duration.ofMillis(100), 1);
        ComputeTask reclaimed = task("slow-reclaimed", 0); // runs 5 s: the reclaim comes first
        RunStatus r = await(reclaimed, backend.submit(reclaimed).jobId());
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.state()).as("the second attempt also runs 5 s, then succeeds").isEqualTo(RunState.SUCCEEDED);

        batch.failAttempts("crashing", WorkerExit.FAILED, 10);
        ComputeTask crashing = task("crashing", 0);
        RunStatus c = await(crashing, backend.submit(crashing).jobId());
        assertThat(c.state()).isEqualTo(RunState.FAILED);
        assertThat(c.attempts()).isEqualTo(3);
        assertThat(c.exitCode()).isEqualTo(WorkerExit.FAILED);

        batch.failAttempts("corrupt", WorkerExit.BAD_INPUT, 10);
        ComputeTask corrupt = task("corrupt", 0);
        RunStatus b = await(corrupt, backend.submit(corrupt).jobId());
        assertThat(b.state()).isEqualTo(RunState.FAILED);
        assertThat(b.attempts()).as("bad input is not tried again").isEqualTo(1);
        assertThat(b.exitCode()).isEqualTo(WorkerExit.BAD_INPUT);
    }

    @Test
    void throttlingAndBadRequestsAreBackendExceptionsOfTheirKind() {
        batch.throttle(5, body -> body.has("jobName"));
        assertThatThrownBy(() -> backend.submit(task("throttled", 0)))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.THROTTLED))
                .hasMessageContaining("TooManyRequestsException");
        ComputeTask nameless = new ComputeTask("video-x", task("x", 0).object(), "f", TaskFiles.of("s3://o", "video-x"),
                new QueueProfile("default", "", "", 1, 1024, 0, new Prices(0, 0, 0)), Tenants.none().fallback(), List.of("worker"));
        assertThatThrownBy(() -> backend.submit(nameless))
                .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.REJECTED));
    }
}
