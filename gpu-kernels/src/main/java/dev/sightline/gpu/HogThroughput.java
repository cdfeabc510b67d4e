package dev.sightline.gpu;

/**
 * Frames per second of the HOG people detector on one frame, for the benchmark: the CPU twin, and
 * the GPU detector (wall clock per frame including upload, download and grouping, plus its kernel
 * time alone). Each measurement runs a warm-up frame first.
 */
public final class HogThroughput {

    /** One measurement: {@code frames} detections of one frame. */
    public record Result(String detector, int width, int height, int frames, double framesPerSecond,
            double kernelMillisPerFrame, int detections) {
    }

    private HogThroughput() {
    }

    /** The CPU twin on {@code frames} repetitions of the frame. */
    public static Result twin(byte[] bgr, int width, int height, int frames) {
        HogPeopleTwin twin = new HogPeopleTwin();
        int found = twin.detect(bgr, width, height).size();
        long t0 = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            found = twin.detect(bgr, width, height).size();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result("hog-twin-cpu", width, height, frames, frames / seconds, Double.NaN, found);
    }

    /** The GPU detector on {@code device} on {@code frames} repetitions of the frame. */
    public static Result gpu(CudaDevice device, byte[] bgr, int width, int height, int frames) {
        try (GpuHogPeopleDetector gpu = new GpuHogPeopleDetector(device)) {
            int found = gpu.detect(bgr, width, height).size();
            long kernelNanos = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                found = gpu.detect(bgr, width, height).size();
                kernelNanos += gpu.lastKernelNanos();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result("hog-gpu", width, height, frames, frames / seconds, kernelNanos / 1e6 / frames, found);
        }
    }
}
