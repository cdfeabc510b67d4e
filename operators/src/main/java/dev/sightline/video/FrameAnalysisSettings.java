package dev.sightline.video;

import java.io.Serializable;
import java.time.Duration;

/**
 * How frames travel to the analyzers and how the async operator treats them.
 *
 * @param device where frames are analysed
 * @param batchFrames frames per batch (one async request)
 * @param inFlight batches a task may have in the analyzers at once (the async operator's capacity)
 * @param threads analyzer threads per task (each with its own analyzer; on a GPU, its own stream)
 * @param timeout how long one batch may take, retries included, before it is given up
 * @param attempts tries per batch; after the last failure the batch's frames are reported as not analysed
 * @param firstBackoff wait before the first retry; each further retry waits twice as long
 * @param maxBackoff longest wait between retries
 */
public record FrameAnalysisSettings(
        AnalysisDevice device, int batchFrames, int inFlight, int threads, Duration timeout, int attempts, Duration firstBackoff,
        Duration maxBackoff) implements Serializable {

    public static final FrameAnalysisSettings DEFAULTS = new FrameAnalysisSettings(AnalysisDevice.AUTO, 16, 8, 2,
            Duration.ofMinutes(2), 3, Duration.ofMillis(200), Duration.ofSeconds(5));

    public FrameAnalysisSettings {
        if (batchFrames < 1 || inFlight < 1 || threads < 1 || attempts < 1) {
            throw new IllegalArgumentException("batch frames, in-flight batches, threads and attempts must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero() || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("the timeout must be positive and the longest backoff at least the first");
        }
    }

    /** The same settings analysing on {@code other}. */
    public FrameAnalysisSettings on(AnalysisDevice other) {
        return new FrameAnalysisSettings(other, batchFrames, inFlight, threads, timeout, attempts, firstBackoff, maxBackoff);
    }
}
