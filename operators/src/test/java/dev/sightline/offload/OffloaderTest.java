package dev.sightline.offload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offloader over the local pool with scripted workers (real processes writing real task
 * folders): a tenant's in-flight limit, the media type's time-out cancelling the run, a replay
 * that reads an existing result without running anything, a run cancelled by someone else, and
 * a worker that never starts opening the breaker so that tasks run in the task.
 */
class OffloaderTest {

    @TempDir
    Path dir;

    private final LocalObjectStore store = new LocalObjectStore();

    /**
     * A worker that notes its start and end, sleeps the seconds the object's file name says
     * ({@code <n>s.csv}), then writes the marker and a result that is the task id.
     */
    private List<String> worker() throws Exception {
        Path script = Files.writeString(dir.resolve("worker.sh"), """
                folder=$(dirname "${2#file://}")
                name=$(basename "$folder")
                echo "start $name $(date +%s%N)" >> "$LOG"
                seconds=$(grep -o '"uri" : "[^"]*' "$folder/task.json" | sed 's/.*\\///; s/s\\.csv//')
                sleep "$seconds"
                echo "{\\"task\\": \\"$name\\"}" > "$folder/result.json"
                touch "$folder/_SUCCESS"
                echo "end $name $(date +%s%N)" >> "$LOG"
                """);
        return List.of("sh", script.toString());
    }

    private OffloadSettings settings(Tenants tenants, Duration gazeTimeout, OffloadSettings.WhenOpen whenOpen) {
        Map<MediaType, Duration> timeouts = new EnumMap<>(MediaType.class);
        timeouts.put(MediaType.VIDEO, Duration.ofMinutes(5));
        timeouts.put(MediaType.AUDIO, Duration.ofMinutes(5));
        timeouts.put(MediaType.GAZE, gazeTimeout);
        Map<MediaType, String> fingerprints = new EnumMap<>(MediaType.class);
        for (MediaType type : List.of(MediaType.VIDEO, MediaType.AUDIO, MediaType.GAZE)) {
            fingerprints.put(type, "f1");
        }
        QueueProfile queue = new QueueProfile(QueueProfile.DEFAULT, "", "", 1, 1024, 0, new Prices(0.04, 0.8, 0.004));
        return new OffloadSettings(LocalPaths.toUri(dir.resolve("offload")), 1, 16, timeouts, Duration.ofMillis(10), Duration.ofMillis(50),
                2, Duration.ofSeconds(30), whenOpen, RouteRules.parse(List.of(), RouteTarget.queue(QueueProfile.DEFAULT)), tenants,
                Map.of(QueueProfile.DEFAULT, queue), queue, fingerprints, Map.of(), List.of());
    }

    private LocalProcessBackend pool(int workers, List<String> command) {
        return new LocalProcessBackend(new LocalProcessBackend.Settings(workers, 1, List.of(), command, "unused",
                Map.of("LOG", dir.resolve("runs.log").toString()), dir.resolve("logs").toString(), false));
    }

    private static OffloadRequest request(String name) {
        return new OffloadRequest(new MediaObject("file:///in/lab-a/" + name, "v1", 10, Instant.EPOCH, Instant.EPOCH, "ab",
                MediaType.GAZE, MediaFormat.GAZE_CSV, null, null), "default", QueueProfile.DEFAULT);
    }

    private static ComputeBackendFactory noFallback() {
        return () -> {
            throw new AssertionError("no task should run in the task");
        };
    }

    private List<String> log() throws Exception {
        Path log = dir.resolve("runs.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void aTenantsLimitKeepsItsTasksOneAtATime() throws Exception {
        Tenants tenants = new Tenants(List.of(Tenant.of("lab-a", "file:///in/lab-a/", 10, 1)), Tenants.none().fallback());
        try (Offloader offloader = new Offloader(store, settings(tenants, Duration.ofMinutes(1), OffloadSettings.WhenOpen.WAIT),
                pool(3, worker()), noFallback(), 1, new Offloader.Listener() {})) {
            List<CompletableFuture<OffloadOutcome>> outcomes = new ArrayList<>();
            for (String name : List.of("a/1s.csv", "b/1s.csv", "c/1s.csv")) {
                outcomes.add(offloader.offload(request(name)));
            }
            for (CompletableFuture<OffloadOutcome> outcome : outcomes) {
                OffloadOutcome o = outcome.get(1, TimeUnit.MINUTES);
                assertThat(o.status()).isEqualTo(ComputeRun.SUCCEEDED);
                assertThat(o.tenant()).isEqualTo("lab-a");
                assertThat(o.resultJson()).contains(o.taskId());
                assertThat(o.costUsd()).isPositive();
            }
        }
        List<String> events = log();
        assertThat(events).hasSize(6);
        for (int i = 0; i < events.size(); i += 2) { // start, end, start, end, ...: never two at once
            assertThat(events.get(i)).startsWith("start");
            assertThat(events.get(i + 1)).startsWith("end").contains(events.get(i).split(" ")[1]);
        }
    }

    @Test
    void aTaskPastItsTimeOutIsCancelledAndAReplayReadsAFinishedResultWithoutRunningIt() throws Exception {
        try (LocalProcessBackend backend = pool(2, worker());
                Offloader offloader = new Offloader(store, settings(Tenants.none(), Duration.ofSeconds(1), OffloadSettings.WhenOpen.WAIT),
                        backend, noFallback(), 1, new Offloader.Listener() {})) {
            OffloadOutcome slow = offloader.offload(request("x/30s.csv")).get(1, TimeUnit.MINUTES);
            assertThat(slow.status()).isEqualTo(ComputeRun.TIMED_OUT);
            assertThat(slow.errorClass()).isEqualTo(OffloadOutcome.TIMED_OUT);
            assertThat(slow.error()).contains(slow.jobId(), "PT1S");
            assertThat(log()).noneMatch(line -> line.startsWith("end"));

            OffloadOutcome quick = offloader.offload(request("y/0s.csv")).get(1, TimeUnit.MINUTES);
            assertThat(quick.status()).isEqualTo(ComputeRun.SUCCEEDED);
        }
        int runs = log().size();
        try (Offloader afterRestore = new Offloader(store, settings(Tenants.none(), Duration.ofSeconds(5), OffloadSettings.WhenOpen.WAIT),
                pool(1, worker()), noFallback(), 1, new Offloader.Listener() {})) {
            OffloadOutcome replayed = afterRestore.offload(request("y/0s.csv")).get(1, TimeUnit.MINUTES);
            assertThat(replayed.status()).isEqualTo(ComputeRun.SUCCEEDED);
            assertThat(replayed.resultJson()).contains(replayed.taskId());
        }
        assertThat(log()).as("the finished task was read, not run again").hasSize(runs);
    }

    @Test
    void aRunCancelledBySomeoneElseIsACancelledOutcome() throws Exception {
        CompletableFuture<ComputeTask> submitted = new CompletableFuture<>();
        try (LocalProcessBackend backend = pool(1, worker());
                Offloader offloader = new Offloader(store, settings(Tenants.none(), Duration.ofMinutes(1), OffloadSettings.WhenOpen.WAIT),
                        backend, noFallback(), 1, new Offloader.Listener() {
                            @Override
                            public void submitted(ComputeTask task, String on) {
                                submitted.complete(task);
                            }
                        })) {
            CompletableFuture<OffloadOutcome> outcome = offloader.offload(request("z/30s.csv"));
            // the Offloader's own submission (after it wrote task.json); submitting earlier would start the worker without it
            ComputeTask task = submitted.get(1, TimeUnit.MINUTES);
            RunStatus running = null;
            for (int i = 0; i < 1500 && (running = backend.submit(task)).state() != RunState.RUNNING; i++) {
                Thread.sleep(20);
            }
            assertThat(running.state()).isEqualTo(RunState.RUNNING);
            backend.cancel(task, running.jobId(), "an operator stopped it");
            OffloadOutcome o = outcome.get(1, TimeUnit.MINUTES);
            assertThat(o.status()).isEqualTo(ComputeRun.CANCELLED);
            assertThat(o.errorClass()).isEqualTo(OffloadOutcome.CANCELLED);
            assertThat(o.error()).contains("an operator stopped it", o.jobId());
        }
    }

    @Test
    void aWorkerThatCannotStartOpensTheBreakerAndTasksRunInTheTask() throws Exception {
        List<String> fellBack = new ArrayList<>();
        InTaskBackend.RunnerFactory runner = () -> taskUri -> { // the task manager's own "analysis": writes the result and marker
            Path folder = LocalPaths.toPath(taskUri).getParent();
            try {
                Files.writeString(folder.resolve("result.json"), "{\"task\": \"" + folder.getFileName() + "\"}");
                Files.createFile(folder.resolve("_SUCCESS"));
                return WorkerExit.DONE;
            } catch (java.io.IOException e) {
                return WorkerExit.FAILED;
            }
        };
        ComputeBackendFactory inTask = InTaskBackend.factory(runner, 1);
        try (Offloader offloader = new Offloader(store, settings(Tenants.none(), Duration.ofMinutes(1), OffloadSettings.WhenOpen.IN_TASK),
                pool(1, List.of(dir.resolve("missing-program").toString())), inTask, 1, new Offloader.Listener() {
                    @Override
                    public void fellBack(ComputeTask task) {
                        fellBack.add(task.id());
                    }
                })) {
            List<OffloadOutcome> outcomes = new ArrayList<>();
            for (String name : List.of("p/0s.csv", "q/0s.csv", "r/0s.csv", "s/0s.csv")) {
                outcomes.add(offloader.offload(request(name)).get(1, TimeUnit.MINUTES));
            }
            assertThat(outcomes.subList(0, 2)).as("the first two fail to start: the breaker opens after two")
                    .allSatisfy(o -> assertThat(o.error()).contains("CannotStartWorker"));
            assertThat(outcomes.subList(2, 4)).allSatisfy(o -> {
                assertThat(o.status()).isEqualTo(ComputeRun.SUCCEEDED);
                assertThat(o.backend()).isEqualTo("in-task");
                assertThat(o.route()).isEqualTo(Offloader.BREAKER_OPEN);
            });
            assertThat(offloader.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(fellBack).hasSize(2);
        }
    }
}
