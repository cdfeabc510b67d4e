package dev.sightline.offload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.MediaFormat;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local worker pool with real processes: N at a time, exit codes retried as Batch's strategy
 * says, a task submitted twice runs once, cancellation, and a worker that cannot start.
 */
class LocalProcessBackendTest {

    @TempDir
    Path dir;

    /** A "worker" that records each start and exits with the code its task id ends with, after sleeping the seconds before it. */
    private LocalProcessBackend pool(int workers, List<String> command) {
        return new LocalProcessBackend(new LocalProcessBackend.Settings(workers, 3, List.of(), command, "unused",
                Map.of("MARKS", dir.toString()), dir.resolve("logs").toString(), false));
    }

    private List<String> script() throws Exception {
        Path script = Files.writeString(dir.resolve("worker.sh"), """
                touch "$MARKS/start-$SIGHTLINE_TASK_ID-$$"
                sleep "$(echo "$SIGHTLINE_TASK_ID" | cut -d- -f2)"
                echo "the worker says goodbye"
                exit "$(echo "$SIGHTLINE_TASK_ID" | cut -d- -f3)"
                """);
        return List.of("sh", script.toString());
    }

    private static ComputeTask task(String id) {
        MediaObject object = new MediaObject("file:///in/" + id, "v", 1, Instant.EPOCH, Instant.EPOCH, "ab", MediaType.GAZE,
                MediaFormat.GAZE_CSV, null, null);
        return new ComputeTask(id, object, "f", TaskFiles.of("file:///out", id),
                new QueueProfile("default", "", "", 1, 512, 0, new Prices(0, 0, 0)), Tenants.none().fallback(), List.of("worker", "x"));
    }

    private static RunStatus await(ComputeBackend backend, ComputeTask task, String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        RunStatus status = backend.describe(task, jobId);
        while (!status.state().finished()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(20);
            status = backend.describe(task, jobId);
        }
        return status;
    }

    private long starts(String id) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("start-" + id + "-")).count();
        }
    }

    @Test
    void exitCodesDecideRetriesAsBatchsStrategyDoes() throws Exception {
        try (LocalProcessBackend pool = pool(2, script())) {
            ComputeTask ok = task("t-0-0");
            ComputeTask crash = task("c-0-1");
            ComputeTask bad = task("b-0-3");
            RunStatus okRun = await(pool, ok, pool.submit(ok).jobId());
            RunStatus crashRun = await(pool, crash, pool.submit(crash).jobId());
            RunStatus badRun = await(pool, bad, pool.submit(bad).jobId());
            assertThat(okRun.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(okRun.instanceType()).isEqualTo("local");
            assertThat(crashRun.state()).isEqualTo(RunState.FAILED);
            assertThat(crashRun.attempts()).isEqualTo(3);
            assertThat(crashRun.reason()).contains("exit code 1", "the worker says goodbye");
            assertThat(starts("c-0-1")).isEqualTo(3);
            assertThat(badRun.state()).isEqualTo(RunState.FAILED);
            assertThat(badRun.attempts()).isEqualTo(1);
            assertThat(badRun.exitCode()).isEqualTo(WorkerExit.BAD_INPUT);
        }
    }

    @Test
    void aTaskSubmittedTwiceRunsOnceAndTheSlotsLimitHowManyRun() throws Exception {
        try (LocalProcessBackend pool = pool(1, script())) {
            ComputeTask first = task("a-1-0");
            ComputeTask second = task("b-1-0");
            RunStatus run = pool.submit(first);
            assertThat(pool.submit(first).jobId()).isEqualTo(run.jobId());
            RunStatus waiting = pool.submit(second);
            Thread.sleep(300);
            assertThat(pool.describe(second, waiting.jobId()).state()).as("one slot: the second waits").isEqualTo(RunState.RUNNABLE);
            await(pool, first, run.jobId());
            RunStatus done = await(pool, second, waiting.jobId());
            assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(starts("a-1-0")).isOne();
            assertThat(pool.describe(first, "no-such-run")).isNull();
        }
    }

    @Test
    void cancellingStopsTheWorker() throws Exception {
        try (LocalProcessBackend pool = pool(1, script())) {
            ComputeTask slow = task("s-30-0");
            RunStatus run = pool.submit(slow);
            Thread.sleep(300);
            pool.cancel(slow, run.jobId(), "no result within PT1S");
            RunStatus cancelled = await(pool, slow, run.jobId());
            assertThat(cancelled.state()).isEqualTo(RunState.FAILED);
            assertThat(cancelled.reason()).isEqualTo("Terminated by the job: no result within PT1S");
        }
    }

    @Test
    void aWorkerThatCannotStartFailsWithAReasonTheBreakerCounts() throws Exception {
        try (LocalProcessBackend pool = pool(1, List.of(dir.resolve("no-such-program").toString()))) {
            ComputeTask task = task("x-0-0");
            RunStatus failed = await(pool, task, pool.submit(task).jobId());
            assertThat(failed.state()).isEqualTo(RunState.FAILED);
            assertThat(WorkerExit.notStarted(failed.reason())).as(failed.reason()).isTrue();
        }
    }

    @Test
    void reusedWorkersServeTaskAfterTaskAndAreReplacedWhenTheyDie() throws Exception {
        // A serving "worker": one process start recorded, then per line the exit code its task id ends with; "die" kills it.
        Path script = Files.writeString(dir.resolve("serve.sh"), """
                touch "$MARKS/serve-$$"
                while read -r task; do
                  id=$(basename "$(dirname "$task")")
                  case "$id" in die*) exit 9;; esac
                  echo "sightline-worker-exit ${id##*-}"
                done
                """);
        try (LocalProcessBackend pool = new LocalProcessBackend(new LocalProcessBackend.Settings(1, 2, List.of(), List.of("sh", script.toString()),
                "unused", Map.of("MARKS", dir.toString()), dir.resolve("logs").toString(), true))) {
            List<RunStatus> runs = new java.util.ArrayList<>();
            for (String id : List.of("a-0", "b-0", "c-3")) {
                ComputeTask task = task(id);
                runs.add(await(pool, task, pool.submit(task).jobId()));
            }
            assertThat(runs).extracting(RunStatus::state).containsExactly(RunState.SUCCEEDED, RunState.SUCCEEDED, RunState.FAILED);
            assertThat(runs.get(2).exitCode()).isEqualTo(WorkerExit.BAD_INPUT);
            assertThat(serverStarts()).as("one long-lived worker served all three").isOne();

            ComputeTask dying = task("die-0");
            RunStatus died = await(pool, dying, pool.submit(dying).jobId());
            assertThat(died.state()).isEqualTo(RunState.FAILED);
            assertThat(died.attempts()).as("a died worker is worth another attempt").isEqualTo(2);
            assertThat(died.reason()).contains("the worker process ended during the task");
            ComputeTask after = task("after-0");
            assertThat(await(pool, after, pool.submit(after).jobId()).state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(serverStarts()).as("each death is replaced by a new worker").isEqualTo(3);
        }
    }

    private long serverStarts() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("serve-")).count();
        }
    }
}
