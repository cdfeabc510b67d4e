package dev.sightline.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GPU HOG detector against its CPU twin (the twin is checked against OpenCV in
 * HogPeopleTwinTest). The kernels mirror the twin's float operations without FMAs and the GPU
 * pyramid resize (resize_linear_exact) is bit-identical to {@link LinearExactResize}, so window scores are expected to be equal;
 * the test allows {@link #SCORE_TOLERANCE}. Grouped detections must match at IoU >= 0.9.
 */
@Tag("gpu")
class GpuHogPeopleDetectorTest {

    /** Largest |GPU - twin| window score allowed (expected 0). */
    static final double SCORE_TOLERANCE = 1e-9;

    private static CudaDevice device;
    private static GpuHogPeopleDetector gpu;
    private final HogPeopleTwin twin = new HogPeopleTwin();

    @BeforeAll
    static void open() {
        var reason = CudaDevice.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "no usable GPU: " + reason.orElse(""));
        device = CudaDevice.open(0);
        gpu = new GpuHogPeopleDetector(device);
    }

    @AfterAll
    static void close() {
        if (gpu != null) {
            gpu.close();
        }
        if (device != null) {
            device.close();
        }
    }

    @Test
    void windowScoresEqualTwinsOnRandomImages() {
        Random random = new Random(3);
        int[][] sizes = {{64, 128}, {257, 143}, {640, 480}};
        for (int[] size : sizes) {
            byte[] bgr = new byte[size[0] * size[1] * 3];
            random.nextBytes(bgr);
            assertScoresMatch("random " + size[0] + "x" + size[1], bgr, size[0], size[1]);
        }
    }

    @Test
    void smoothRandomImageScoresAndDetectionsMatchTwin() {
        int w = 400;
        int h = 300;
        byte[] bgr = new byte[w * h * 3];
        Random random = new Random(5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    bgr[(y * w + x) * 3 + c] = (byte) (128 + 60 * Math.sin(x / 9.0 + c) * Math.cos(y / 13.0)
                            + random.nextInt(9));
                }
            }
        }
        assertScoresMatch("smooth 400x300", bgr, w, h);
        assertDetectionsMatch("smooth 400x300", bgr, w, h);
    }

    @Test
    void realFramesMatchTwin() throws IOException {
        for (RawFrames.Clip clip : RawFrames.clips()) {
            int w = clip.width();
            int h = clip.height();
            for (int i = 0; i < clip.frames().size(); i++) {
                String label = clip.name() + " frame " + i;
                assertScoresMatch(label, clip.frames().get(i), w, h);
                assertDetectionsMatch(label, clip.frames().get(i), w, h);
            }
            var t = HogThroughput.twin(clip.frames().get(0), w, h, 1);
            var g = HogThroughput.gpu(device, clip.frames().get(0), w, h, 20);
            System.out.printf("HOG %s %dx%d: twin %.2f frames/s, GPU %.1f frames/s (kernels %.2f ms/frame)%n",
                    clip.name(), w, h, t.framesPerSecond(), g.framesPerSecond(), g.kernelMillisPerFrame());
        }
    }

    private void assertScoresMatch(String label, byte[] bgr, int w, int h) {
        double[][] expected = twin.windowScores(bgr, w, h);
        double[][] actual = gpu.windowScores(bgr, w, h);
        assertThat(actual.length).isEqualTo(expected.length);
        double max = 0;
        long windows = 0;
        for (int l = 0; l < expected.length; l++) {
            assertThat(actual[l]).hasSize(expected[l].length);
            for (int i = 0; i < expected[l].length; i++) {
                max = Math.max(max, Math.abs(actual[l][i] - expected[l][i]));
            }
            windows += expected[l].length;
        }
        System.out.printf("HOG GPU vs twin %s: %d levels, %d windows, max |score diff| %.3g, kernels %.3f ms%n", label,
                expected.length, windows, max, gpu.lastKernelNanos() / 1e6);
        assertThat(max).isLessThanOrEqualTo(SCORE_TOLERANCE);
        assertThat(gpu.lastUploadBytes()).isEqualTo((long) w * h * 3);
    }

    private void assertDetectionsMatch(String label, byte[] bgr, int w, int h) {
        List<HogDetection> expected = twin.detect(bgr, w, h);
        List<HogDetection> actual = gpu.detect(bgr, w, h);
        assertThat(actual).as(label).hasSameSizeAs(expected);
        List<HogDetection> unmatched = new ArrayList<>();
        for (HogDetection e : expected) {
            boolean found = false;
            for (HogDetection a : actual) {
                if (a.iou(e) >= 0.9 && Math.abs(a.score() - e.score()) <= SCORE_TOLERANCE) {
                    found = true;
                }
            }
            if (!found) {
                unmatched.add(e);
            }
        }
        assertThat(unmatched).as(label + ": twin detections without a GPU one").isEmpty();
    }
}
