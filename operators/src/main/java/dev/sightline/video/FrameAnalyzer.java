package dev.sightline.video;

/**
 * Analyses a batch of decoded frames on its own: content scores and detections. The seam where
 * the GPU implementation replaces the CPU one; one instance serves one thread at a time.
 */
public interface FrameAnalyzer extends AutoCloseable {

    /** Scores and detections of {@code batch}'s frames; throws when the batch could not be analysed. */
    FrameAnalysis analyze(FrameBatch batch) throws Exception;

    /** What the last {@link #analyze} call cost on the device (zeros on the CPU). */
    default DeviceWork lastWork() {
        return DeviceWork.NONE;
    }

    @Override
    default void close() {}

    /** Device time and transfers of one batch. */
    record DeviceWork(long kernelNanos, long uploadBytes) {
        public static final DeviceWork NONE = new DeviceWork(0, 0);
    }
}
