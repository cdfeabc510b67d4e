package dev.sightline.offload;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs tasks on this machine, {@code slots} at a time, like a small AWS Batch: a submitted run
 * waits (RUNNABLE) for a slot, runs (RUNNING), and ends SUCCEEDED on exit code 0 or FAILED; exit
 * codes worth another attempt ({@link WorkerExit#retried}) start a new attempt while attempts are
 * left. A task submitted again finds its run. Subclasses say how one attempt runs.
 */
abstract class WorkerPool implements ComputeBackend {

    /** One run of a task: its state as {@link #describe} reports it. */
    protected static final class Run {
        final String jobId;
        final ComputeTask task;
        volatile RunState state = RunState.RUNNABLE;
        volatile int attempts;
        volatile String reason;
        volatile Integer exitCode;
        final Instant createdAt = Instant.now();
        volatile Instant startedAt;
        volatile Instant stoppedAt;
        volatile boolean cancelled;
        volatile Future<?> future;

        Run(String jobId, ComputeTask task) {
            this.jobId = jobId;
            this.task = task;
        }

        synchronized RunStatus status(String instanceType) {
            return new RunStatus(jobId, state, attempts, reason, exitCode, createdAt, startedAt, stoppedAt, instanceType);
        }
    }

    /** How one attempt ended. */
    protected record Exit(int code, String reason) {}

    private static final java.time.Duration KEEP_ENDED = java.time.Duration.ofHours(1);

    private final int attempts;
    private final ExecutorService slots;
    private final Map<String, Run> byTask = new LinkedHashMap<>();
    private final Map<String, Run> byJob = new LinkedHashMap<>();
    private final AtomicLong next = new AtomicLong();

    /**
     * @param slots runs at once
     * @param attempts attempts per run (1 for none again)
     */
    protected WorkerPool(String threadName, int slots, int attempts) {
        if (slots < 1 || attempts < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one slot and one attempt");
        }
        this.attempts = attempts;
        this.slots = Executors.newFixedThreadPool(slots, runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs one attempt of {@code run} to its end and says how it ended, calling {@link #running}
     * once its worker is up; a worker that cannot be started throws {@link IOException}.
     */
    protected abstract Exit attempt(Run run) throws IOException, InterruptedException;

    /** Says that the attempt's worker is up (a process started, a thread took it). */
    protected static void running(Run run) {
        synchronized (run) {
            run.state = RunState.RUNNING;
        }
    }

    /** Stops a running attempt (cancellation). */
    protected abstract void stop(Run run);

    /** The instance type {@code compute_runs} records. */
    protected String instanceType() {
        return null;
    }

    @Override
    public synchronized RunStatus submit(ComputeTask task) {
        forgetOldRuns();
        Run existing = byTask.get(task.id());
        if (existing != null) {
            return existing.status(instanceType());
        }
        Run run = new Run(task.id() + "-" + Long.toHexString(System.nanoTime() & 0xffffffL) + "-" + next.incrementAndGet(), task);
        byTask.put(task.id(), run);
        byJob.put(run.jobId, run);
        run.future = slots.submit(() -> execute(run));
        return run.status(instanceType());
    }

    /** Runs that ended over an hour ago are forgotten (a replay then finds the task's result marker instead). */
    private void forgetOldRuns() {
        Instant before = Instant.now().minus(KEEP_ENDED);
        byJob.values().removeIf(r -> r.state.finished() && r.stoppedAt != null && r.stoppedAt.isBefore(before));
        byTask.values().removeIf(r -> !byJob.containsKey(r.jobId));
    }

    private void execute(Run run) {
        while (!run.cancelled) {
            synchronized (run) {
                run.state = RunState.STARTING; // RUNNING once the worker is up (running())
                run.attempts++;
                run.startedAt = Instant.now();
                run.exitCode = null;
            }
            Exit exit;
            try {
                exit = attempt(run);
            } catch (IOException e) {
                end(run, RunState.FAILED, null, "CannotStartWorker: " + e.getMessage());
                return;
            } catch (InterruptedException e) {
                end(run, RunState.FAILED, null, run.cancelled ? run.reason : "interrupted");
                return;
            } catch (RuntimeException e) {
                exit = new Exit(WorkerExit.FAILED, e.toString());
            }
            if (run.cancelled) {
                end(run, RunState.FAILED, exit.code(), run.reason);
                return;
            }
            if (exit.code() == WorkerExit.DONE) {
                end(run, RunState.SUCCEEDED, exit.code(), "Essential container in task exited");
                return;
            }
            if (!WorkerExit.retried(exit.code()) || run.attempts >= attempts) {
                end(run, RunState.FAILED, exit.code(), exit.reason());
                return;
            }
            synchronized (run) {
                run.state = RunState.RUNNABLE;
                run.reason = "attempt " + run.attempts + " ended with exit code " + exit.code() + ": " + exit.reason() + "; retrying";
            }
        }
    }

    private static void end(Run run, RunState state, Integer code, String reason) {
        synchronized (run) {
            run.state = state;
            run.exitCode = code;
            run.reason = reason;
            run.stoppedAt = Instant.now();
        }
    }

    @Override
    public synchronized RunStatus describe(ComputeTask task, String jobId) {
        Run run = byJob.get(jobId);
        return run == null ? null : run.status(instanceType());
    }

    @Override
    public void cancel(ComputeTask task, String jobId, String reason) {
        Run run;
        synchronized (this) {
            run = byJob.get(jobId);
        }
        if (run == null || run.state.finished()) {
            return;
        }
        run.reason = "Terminated by the job: " + reason;
        run.cancelled = true;
        stop(run);
        if (run.future != null) {
            run.future.cancel(true);
        }
        if (run.state == RunState.RUNNABLE) {
            end(run, RunState.FAILED, null, run.reason);
        }
    }

    @Override
    public void close() {
        java.util.List<Run> running;
        synchronized (this) {
            running = byJob.values().stream().filter(r -> !r.state.finished()).toList();
        }
        for (Run run : running) {
            run.cancelled = true;
            run.reason = "the pool closed";
            stop(run);
        }
        slots.shutdownNow();
    }
}
