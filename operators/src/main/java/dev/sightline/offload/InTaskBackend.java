package dev.sightline.offload;

import java.io.Serializable;

/**
 * Runs tasks in the task manager itself, with the worker's own code on pool threads: where objects
 * go while the circuit breaker of a remote backend is open ({@code offload.breaker.when-open: in-task}).
 */
public final class InTaskBackend extends WorkerPool {

    /** Runs {@code sightline worker}'s analysis of one task document in this process and returns its exit code. */
    @FunctionalInterface
    public interface TaskRunner extends AutoCloseable {
        int run(String taskUri);

        @Override
        default void close() throws Exception {}
    }

    /** Creates a task runner in a task manager (one per pool thread: runners hold models and are not thread-safe). */
    @FunctionalInterface
    public interface RunnerFactory extends Serializable {
        TaskRunner create();
    }

    private final ThreadLocal<TaskRunner> runners;
    private final java.util.List<TaskRunner> created = new java.util.concurrent.CopyOnWriteArrayList<>();

    public InTaskBackend(RunnerFactory runners, int threads) {
        super("in-task-worker", threads, 1);
        this.runners = ThreadLocal.withInitial(() -> {
            TaskRunner runner = runners.create();
            created.add(runner);
            return runner;
        });
    }

    /** A factory for task managers. */
    public static ComputeBackendFactory factory(RunnerFactory runners, int threads) {
        return () -> new InTaskBackend(runners, threads);
    }

    @Override
    public String name() {
        return "in-task";
    }

    @Override
    protected Exit attempt(Run run) {
        running(run);
        int code = runners.get().run(run.task.files().task());
        return new Exit(code, code == WorkerExit.DONE ? null : "exit code " + code);
    }

    @Override
    protected void stop(Run run) {
        // the pool interrupts the run's thread
    }

    @Override
    public void close() {
        super.close();
        for (TaskRunner runner : created) {
            try {
                runner.close();
            } catch (Exception e) {
                // closing models adds nothing
            }
        }
    }
}
