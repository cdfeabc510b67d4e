package dev.sightline.video;

import dev.sightline.gpu.CudaDevice;
import dev.sightline.gpu.GpuFrameKernels;
import dev.sightline.gpu.GpuHogPeopleDetector;
import dev.sightline.gpu.HogDetection;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The GPU {@link FrameAnalyzer}: the content score of a whole batch in one upload and one fused
 * kernel (the same value, bit for bit, as the CPU analyzer's), and people found by the GPU HOG
 * detector; faces and a user's ONNX model still run on the CPU. Binds the device's context to
 * whichever thread calls it.
 */
public final class GpuFrameAnalyzer implements FrameAnalyzer {

    private final CudaDevice device;
    private final GpuFrameKernels kernels;
    private final GpuPeople people;
    private final FrameDetectors detectors;
    private DeviceWork lastWork = DeviceWork.NONE;

    private GpuFrameAnalyzer(CudaDevice device, DetectionSettings detection) {
        this.device = device;
        this.kernels = new GpuFrameKernels(device);
        this.people = detection.people() ? new GpuPeople(new GpuHogPeopleDetector(device), detection.minScore()) : null;
        this.detectors = new FrameDetectors(detection, people);
    }

    /** An analyzer on GPU {@code ordinal}; throws {@link dev.sightline.gpu.GpuUnavailableException} saying what is missing. */
    public static GpuFrameAnalyzer open(int ordinal, DetectionSettings detection) {
        CudaDevice device = CudaDevice.open(ordinal);
        try {
            for (String module : CudaDevice.MODULES) {
                device.module(module); // missing or unloadable kernels fail here, before anything is allocated
            }
            return new GpuFrameAnalyzer(device, detection);
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    @Override
    public FrameAnalysis analyze(FrameBatch batch) {
        device.bind();
        List<byte[]> frames = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            frames.add(batch.picture(i));
        }
        double[] scores = kernels.contentScores(batch.previous(), frames, batch.width(), batch.height());
        GpuFrameKernels.Stats stats = kernels.lastStats();
        long kernelNanos = stats.kernelNanos();
        long uploadBytes = stats.uploadBytes();
        if (people != null) {
            people.reset();
        }
        List<List<ObjectDetector.Detection>> detections = detectors.detect(batch);
        if (people != null) {
            kernelNanos += people.kernelNanos;
            uploadBytes += people.uploadBytes;
        }
        lastWork = new DeviceWork(kernelNanos, uploadBytes);
        return new FrameAnalysis(scores, detections);
    }

    @Override
    public DeviceWork lastWork() {
        return lastWork;
    }

    @Override
    public void close() {
        detectors.close();
        kernels.close();
        device.close();
    }

    /** The GPU HOG detector as an {@link ObjectDetector}: boxes tightened and filtered as the CPU detector's. */
    private static final class GpuPeople implements ObjectDetector {
        private final GpuHogPeopleDetector hog;
        private final double minScore;
        long kernelNanos;
        long uploadBytes;

        GpuPeople(GpuHogPeopleDetector hog, double minScore) {
            this.hog = hog;
            this.minScore = minScore;
        }

        void reset() {
            kernelNanos = 0;
            uploadBytes = 0;
        }

        @Override
        public List<Detection> detect(Mat bgr) {
            List<Detection> out = new ArrayList<>();
            if (bgr.cols() < 64 || bgr.rows() < 128) {
                return out;
            }
            for (HogDetection d : hog.detect(PackedPictures.bytes(bgr), bgr.cols(), bgr.rows())) {
                if (d.score() >= minScore) {
                    out.add(new Detection("person", d.score(), HogPeopleDetector.tighten(new Box(d.x(), d.y(), d.width(), d.height()))));
                }
            }
            kernelNanos += hog.lastKernelNanos();
            uploadBytes += hog.lastUploadBytes();
            return out;
        }

        @Override
        public void close() {
            hog.close();
        }
    }
}
