package dev.sightline.recovery;

import java.time.Duration;

/**
 * Watches a job through a fault from the REST API, every 100 ms: when it first stopped running
 * (a task not RUNNING, or no JobManager answering) and when every task ran again after that.
 * Times are epoch milliseconds.
 */
final class JobWatch implements AutoCloseable {

    private final FlinkRest rest;
    private final String jobId;
    private final Thread thread;
    private volatile long leftRunningAt = -1;
    private volatile long runningAgainAt = -1;
    private volatile long quietUntil = Long.MAX_VALUE;
    private volatile boolean settled;
    private volatile boolean stopped;

    JobWatch(FlinkRest rest, String jobId) {
        this.rest = rest;
        this.jobId = jobId;
        this.thread = new Thread(this::watch, "job-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void watch() {
        while (!stopped) {
            FlinkRest.JobState state = rest.job(jobId);
            boolean running = state != null && state.allTasksRunning();
            long now = System.currentTimeMillis();
            if (!running && leftRunningAt < 0) {
                leftRunningAt = now;
            } else if (running && leftRunningAt >= 0 && runningAgainAt < 0) {
                runningAgainAt = now;
            }
            // Decided here, on one thread: either it ran again, or it kept running through the quiet window.
            if (runningAgainAt >= 0 || (leftRunningAt < 0 && now > quietUntil)) {
                settled = true;
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Waits until the job runs again after a restart, or, when it has not left RUNNING, until it
     * kept running for a detection window of 15 s after {@code faultEnd} (heartbeat time-outs are shorter).
     */
    void awaitSettled(long faultEnd, Duration patience) throws InterruptedException {
        quietUntil = faultEnd + 15_000;
        long deadline = System.currentTimeMillis() + patience.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (settled) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("job " + jobId + " did not run again within " + patience.toSeconds() + " s");
    }

    boolean restarted() {
        return leftRunningAt >= 0;
    }

    long leftRunningAt() {
        return leftRunningAt;
    }

    long runningAgainAt() {
        return runningAgainAt;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(1_000);
    }
}
