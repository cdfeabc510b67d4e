package dev.sightline.offload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.cloud.ObjectNotFoundException;
import dev.sightline.cloud.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries offloaded tasks through a compute backend: writes the task document, submits (once:
 * a task whose result marker exists is only read, a task whose run is recorded is polled, not
 * submitted again), polls with growing waits, enforces the media type's time-out (cancelling the
 * run), and reads the result. A circuit breaker guards the backend; while it is open, tasks wait
 * or run in the task manager, as configured. Tenants' in-flight limits hold here. Nothing blocks
 * the caller: each task is a chain of short steps on a few threads. Used by the async operator
 * and by one-shot analysis.
 */
public final class Offloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Offloader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 4;
    private static final Duration SLOT_WAIT = Duration.ofMillis(200);

    /** The route recorded for runs in the task manager while the breaker was open. */
    public static final String BREAKER_OPEN = "breaker-open";

    /** Sees what the offloader does (metrics); every method may be called from any of its threads. */
    public interface Listener {
        default void submitted(ComputeTask task, String backend) {}

        default void finished(OffloadOutcome outcome) {}

        default void retried(ComputeTask task, Exception problem) {}

        default void fellBack(ComputeTask task) {}

        default void breakerChanged(CircuitBreaker.State from, CircuitBreaker.State to) {}
    }

    private final ObjectStore store;
    private final OffloadSettings settings;
    private final ComputeBackend backend;
    private final ComputeBackendFactory inTaskFactory;
    private final CircuitBreaker breaker;
    private final Listener listener;
    private final int instances;
    private final ScheduledExecutorService steps;
    private final Map<String, Integer> tenantInFlight = new HashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong threadNumber = new AtomicLong();
    private ComputeBackend inTask;

    /**
     * @param store reads and writes the task documents
     * @param backend where tasks run
     * @param inTaskFactory the in-task backend for fallback runs (breaker open, when-open in-task)
     * @param instances parallel instances sharing the job-wide tenant limits (each takes its share)
     */
    public Offloader(ObjectStore store, OffloadSettings settings, ComputeBackend backend, ComputeBackendFactory inTaskFactory,
            int instances, Listener listener) {
        this.store = store;
        this.settings = settings;
        this.backend = backend;
        this.inTaskFactory = inTaskFactory;
        this.instances = Math.max(1, instances);
        this.listener = listener;
        this.breaker = new CircuitBreaker(backend.name(), settings.breakerFailures(), settings.breakerCoolDown(), System::nanoTime,
                (from, to, reason) -> listener.breakerChanged(from, to));
        this.steps = Executors.newScheduledThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "offload-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a task; the future completes with its outcome, never exceptionally. */
    public CompletableFuture<OffloadOutcome> offload(OffloadRequest request) {
        Execution execution = new Execution(request);
        inFlight.incrementAndGet();
        steps.execute(execution);
        return execution.done;
    }

    /** Tasks started and not yet finished. */
    public int inFlight() {
        return inFlight.get();
    }

    public CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    /** The outcome of a task that ran out of time before the offloader could say (the operator's own time-out). */
    public OffloadOutcome timedOut(OffloadRequest request) {
        ComputeTask task = settings.task(request.object(), request.queue());
        return outcome(task, backend.name(), request.route(), task.queue(), null, null, Instant.now(), ComputeRun.TIMED_OUT, null,
                OffloadOutcome.TIMED_OUT, request.object().fileName() + ": no result within " + settings.longestTimeout());
    }

    private synchronized ComputeBackend inTask() {
        if (inTask == null) {
            inTask = inTaskFactory.create();
        }
        return inTask;
    }

    private synchronized boolean takeSlot(Tenant tenant) {
        if (tenant.maxInFlight() == 0) {
            return true;
        }
        int share = (tenant.maxInFlight() + instances - 1) / instances;
        int now = tenantInFlight.getOrDefault(tenant.name(), 0);
        if (now >= share) {
            return false;
        }
        tenantInFlight.put(tenant.name(), now + 1);
        return true;
    }

    private synchronized void releaseSlot(Tenant tenant) {
        if (tenant.maxInFlight() > 0) {
            tenantInFlight.merge(tenant.name(), -1, Integer::sum);
        }
    }

    /** One task on its way: each run() is one short step, and schedules the next. */
    private final class Execution implements Runnable {
        final OffloadRequest request;
        final ComputeTask task;
        final CompletableFuture<OffloadOutcome> done = new CompletableFuture<>();
        final Duration timeout;
        ComputeBackend on = backend;
        QueueProfile profile;
        String route;
        boolean fallback;
        boolean looked;
        boolean holdsSlot;
        boolean written;
        String jobId;
        Instant submittedAt;
        Instant deadline;
        RunStatus last;
        Duration wait = settings.pollFirst();

        Execution(OffloadRequest request) {
            this.request = request;
            this.task = settings.task(request.object(), request.queue());
            this.profile = task.queue();
            this.route = request.route();
            this.timeout = settings.timeouts().get(task.mediaType());
            this.deadline = Instant.now().plus(timeout);
        }

        @Override
        public void run() {
            if (done.isDone()) {
                return;
            }
            try {
                step();
            } catch (BackendException e) {
                if (!fallback) {
                    breaker.failed(e);
                }
                if (e.kind() == BackendException.Kind.REJECTED) {
                    end(ComputeRun.FAILED, null, OffloadOutcome.REJECTED, on.name() + " rejected the task: " + e.getMessage());
                } else {
                    retryLater(e);
                }
            } catch (IOException e) {
                retryLater(e);
            } catch (RuntimeException e) {
                LOG.warn("Offloaded task {} failed unexpectedly", task.id(), e);
                end(ComputeRun.FAILED, null, OffloadOutcome.FAILED, "offloading failed: " + e);
            }
        }

        private void step() throws IOException {
            if (!looked) {
                looked = true;
                if (exists(task.files().marker())) {
                    finish(null); // done before (a replay after a restore): read it, run nothing
                    return;
                }
                recordedRun();
            }
            if (Instant.now().isAfter(deadline)) {
                timeOut();
                return;
            }
            if (!fallback && !breaker.allow()) {
                if (jobId == null && settings.whenOpen() == OffloadSettings.WhenOpen.IN_TASK) {
                    fallBack();
                } else {
                    later(settings.breakerCoolDown().dividedBy(4).plusMillis(1));
                    return;
                }
            }
            if (jobId == null) {
                if (!holdsSlot) {
                    if (!takeSlot(task.tenant())) {
                        later(SLOT_WAIT);
                        return;
                    }
                    holdsSlot = true;
                }
                if (!written) {
                    store.put(task.files().task(), TaskDocument.of(task, settings.workerSettings()).toBytes(), "application/json");
                    written = true;
                }
                last = on.submit(task);
                succeeded();
                jobId = last.jobId();
                submittedAt = last.createdAt() != null ? last.createdAt() : Instant.now();
                recordRun();
                listener.submitted(task, on.name());
            } else {
                RunStatus status = on.describe(task, jobId);
                succeeded();
                if (status == null) { // the backend no longer knows the run (a new local pool): submit again
                    LOG.info("Run {} of task {} is unknown to {}; submitting again", jobId, task.id(), on.name());
                    jobId = null;
                    later(Duration.ZERO);
                    return;
                }
                last = status;
            }
            if (!fallback && (last.state() == RunState.RUNNING
                    || last.state().finished() && last.exitCode() != null && !WorkerExit.notStarted(last.reason()))) {
                breaker.started();
            }
            if (last.state().finished()) {
                finish(last);
                return;
            }
            later(wait);
            wait = min(Duration.ofMillis((long) (wait.toMillis() * 1.5) + 1), settings.pollMax());
        }

        private void succeeded() {
            if (!fallback) {
                breaker.succeeded();
            }
        }

        /** A run recorded by an earlier attempt of the job (before a restore) is polled, not submitted again. */
        private void recordedRun() throws IOException {
            try (InputStream in = store.open(runRecord())) {
                JsonNode run = JSON.readTree(in);
                if (on.name().equals(run.path("backend").asText())) {
                    jobId = run.path("job_id").asText();
                    submittedAt = Instant.parse(run.path("submitted_at").asText());
                    Instant limit = submittedAt.plus(timeout);
                    if (limit.isBefore(deadline)) {
                        deadline = limit;
                    }
                }
            } catch (ObjectNotFoundException e) {
                // first time
            } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                LOG.warn("Ignoring unreadable run record {}: {}", runRecord(), e.toString());
            }
        }

        private void recordRun() throws IOException {
            ObjectNode run = JSON.createObjectNode();
            run.put("backend", on.name());
            run.put("job_id", jobId);
            run.put("submitted_at", submittedAt.toString());
            store.put(runRecord(), JSON.writeValueAsBytes(run), "application/json");
        }

        private String runRecord() {
            return task.files().folder() + "run-" + on.name() + ".json";
        }

        private void fallBack() {
            on = inTask();
            fallback = true;
            route = BREAKER_OPEN;
            profile = settings.inTask();
            listener.fellBack(task);
        }

        private void timeOut() {
            if (jobId != null) {
                try {
                    on.cancel(task, jobId, "no result within " + timeout);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not cancel run {} of task {}: {}", jobId, task.id(), e.toString());
                }
            }
            end(ComputeRun.TIMED_OUT, null, OffloadOutcome.TIMED_OUT, request.object().fileName() + ": " + on.name() + " run "
                    + (jobId == null ? "(not started)" : jobId) + " gave no result within " + timeout);
        }

        private void finish(RunStatus status) throws IOException {
            if (exists(task.files().marker())) {
                String result = new String(read(task.files().result()), StandardCharsets.UTF_8);
                end(ComputeRun.SUCCEEDED, result, null, null);
                return;
            }
            String reason = failureReason(status);
            if (status != null && WorkerExit.notStarted(status.reason()) && !fallback) {
                breaker.failed(new BackendException(BackendException.Kind.WORKER_START, status.reason()));
            }
            boolean cancelled = status != null && status.reason() != null && status.reason().matches("(?is).*(terminated by|cancel).*");
            end(cancelled ? ComputeRun.CANCELLED : ComputeRun.FAILED, null, cancelled ? OffloadOutcome.CANCELLED : OffloadOutcome.FAILED,
                    request.object().fileName() + ": " + on.name() + " run " + jobId + " " + (cancelled ? "was cancelled" : "failed")
                            + " after " + (status == null ? 0 : status.attempts()) + " attempt(s): " + reason);
        }

        /** The worker's own reason if it wrote one, else the backend's. */
        private String failureReason(RunStatus status) {
            try {
                JsonNode failure = JSON.readTree(read(task.files().failure()));
                return failure.path("error_class").asText("WorkerFailed") + ": " + failure.path("reason").asText();
            } catch (IOException | RuntimeException e) {
                if (status == null) {
                    return "no result";
                }
                return (status.reason() == null ? "" : status.reason())
                        + (status.exitCode() == null ? "" : " (exit code " + status.exitCode() + ")");
            }
        }

        private void retryLater(Exception problem) {
            listener.retried(task, problem);
            LOG.info("Task {}: {}; trying again in {}", task.id(), problem.toString(), wait);
            if (Instant.now().isAfter(deadline)) {
                timeOut();
                return;
            }
            later(wait);
            wait = min(Duration.ofMillis((long) (wait.toMillis() * 1.5) + 1), settings.pollMax());
        }

        private void later(Duration delay) {
            try {
                steps.schedule(this, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                done.cancel(false);
            }
        }

        private void end(String status, String result, String errorClass, String error) {
            if (holdsSlot) {
                releaseSlot(task.tenant());
                holdsSlot = false;
            }
            inFlight.decrementAndGet();
            OffloadOutcome outcome = outcome(task, on.name(), route, profile, jobId, last, submittedAt, status, result, errorClass, error);
            listener.finished(outcome);
            done.complete(outcome);
        }
    }

    private OffloadOutcome outcome(ComputeTask task, String backendName, String route, QueueProfile profile, String jobId, RunStatus run,
            Instant submittedAt, String status, String result, String errorClass, String error) {
        Instant finished = run != null && run.stoppedAt() != null ? run.stoppedAt() : Instant.now();
        Instant started = run == null ? null : run.startedAt();
        double runS = started == null ? Double.NaN : Duration.between(started, finished).toNanos() / 1e9;
        double cost = profile.prices().cost(runS, profile.vcpus(), profile.gpus(), profile.memoryMib());
        return new OffloadOutcome(task.object(), task.id(), backendName, route, profile.name(), task.tenant().name(), jobId,
                run == null ? 0 : run.attempts(), submittedAt, started, finished, run == null ? null : run.instanceType(), profile.vcpus(),
                profile.gpus(), profile.memoryMib(), cost, status, result, errorClass, error);
    }

    private boolean exists(String uri) throws IOException {
        try {
            store.head(uri);
            return true;
        } catch (ObjectNotFoundException e) {
            return false;
        }
    }

    private byte[] read(String uri) throws IOException {
        try (InputStream in = store.open(uri)) {
            return in.readAllBytes();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() throws Exception {
        steps.shutdownNow();
        backend.close();
        synchronized (this) {
            if (inTask != null) {
                inTask.close();
            }
        }
    }
}
