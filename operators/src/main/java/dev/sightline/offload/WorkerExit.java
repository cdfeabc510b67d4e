package dev.sightline.offload;

/**
 * The exit codes of {@code sightline worker}, and what a backend does with each: the same rules
 * as the AWS Batch job definition's retry strategy ({@code evaluateOnExit}).
 */
public final class WorkerExit {

    /** Analysed: the result and marker are written (the object is done or partial). */
    public static final int DONE = 0;
    /** The worker failed (an unreadable store, a crash): worth another attempt. */
    public static final int FAILED = 1;
    /** The task itself is unusable (bad document, bad settings): another attempt cannot help. */
    public static final int BAD_TASK = 2;
    /** The input is bad (corrupt, empty, wrong format): the result, a failed outcome, is written; not retried. */
    public static final int BAD_INPUT = 3;

    /** Prefixes of reasons that say the worker never started (AWS Batch's, and the local pool's). */
    private static final String[] NOT_STARTED = {"CannotPullContainerError", "CannotStartContainerError", "CannotCreateContainerError",
        "CannotInspectContainerError", "CannotStartWorker"};

    private WorkerExit() {}

    /** Whether a run that ended with {@code code} is tried again (attempts left). */
    public static boolean retried(int code) {
        return code != DONE && code != BAD_TASK && code != BAD_INPUT;
    }

    /** Whether a run's status reason says its worker could not start (counts against the backend's health). */
    public static boolean notStarted(String reason) {
        if (reason == null) {
            return false;
        }
        for (String prefix : NOT_STARTED) {
            if (reason.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
