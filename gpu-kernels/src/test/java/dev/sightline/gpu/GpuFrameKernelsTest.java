package dev.sightline.gpu;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * GPU frame kernels against their CPU twins: every kernel is integer arithmetic mirrored line by
 * line, so conversions and resizes (resize_bilinear and resize_linear_exact) must be byte-identical and content scores equal (==), on
 * random frames (odd sizes included, batches of 1 and several) and on real frames from
 * {@code sightline.frames.dir}.
 */
@Tag("gpu")
class GpuFrameKernelsTest {

    private static final int[][] SIZES = {{257, 143}, {64, 48}, {1, 1}, {3, 5}, {640, 360}};

    private static CudaDevice device;
    private static GpuFrameKernels kernels;

    @BeforeAll
    static void open() {
        var reason = CudaDevice.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "no usable GPU: " + reason.orElse(""));
        device = CudaDevice.open(0);
        kernels = new GpuFrameKernels(device);
    }

    @AfterAll
    static void close() {
        if (kernels != null) {
            kernels.close();
        }
        if (device != null) {
            device.close();
        }
    }

    @Test
    void conversionsEqualTwinsOnRandomFrames() {
        long seed = 100;
        for (int[] s : SIZES) {
            for (int batch : new int[] {1, 4}) {
                assertConversionsEqualTwins(randomFrames(++seed, batch, s[0] * s[1] * 3), s[0], s[1]);
            }
        }
    }

    @Test
    void conversionsEqualTwinsOnEveryColour() {
        byte[] bgr = TestImages.everyColour();
        assertConversionsEqualTwins(List.of(bgr), 4096, 4096);
    }

    @Test
    void resizeEqualsTwinOnRandomFrames() {
        int[][] cases = {{768, 576, 1152, 864}, {768, 576, 384, 288}, {257, 143, 100, 61}, {257, 143, 600, 333},
            {1920, 1080, 640, 360}, {5, 3, 1, 1}, {1, 1, 4, 3}, {33, 17, 97, 41}};
        long seed = 200;
        for (int channels : new int[] {1, 3}) {
            for (int[] c : cases) {
                for (int batch : new int[] {1, 3}) {
                    List<byte[]> frames = randomFrames(++seed, batch, c[0] * c[1] * channels);
                    assertResizeEqualsTwin(frames, c[0], c[1], channels, c[2], c[3]);
                }
            }
        }
    }

    @Test
    void linearExactResizeEqualsTwinOnHogPyramidLevels() {
        long seed = 250;
        for (int[] s : new int[][] {{768, 576}, {301, 263}}) {
            List<byte[]> frames = randomFrames(++seed, 2, s[0] * s[1] * 3);
            for (HogLevel level : HogLevel.pyramid(s[0], s[1])) {
                assertLinearExactEqualsTwin(frames, s[0], s[1], 3, level.width(), level.height());
            }
        }
    }

    @Test
    void contentScoresEqualTwinOnRandomFrames() {
        long seed = 300;
        for (int[] s : SIZES) {
            for (int batch : new int[] {1, 2, 7}) {
                List<byte[]> frames = randomFrames(++seed, batch, s[0] * s[1] * 3);
                byte[] previous = randomFrames(++seed, 1, s[0] * s[1] * 3).get(0);
                assertScoresEqualTwin(null, frames, s[0], s[1]);
                assertScoresEqualTwin(previous, frames, s[0], s[1]);
            }
        }
    }

    @Test
    void realFramesEqualTwins() throws Exception {
        for (RawFrames.Clip clip : RawFrames.clips()) {
            int w = clip.width();
            int h = clip.height();
            List<byte[]> frames = clip.frames();
            assertConversionsEqualTwins(frames, w, h);
            assertResizeEqualsTwin(frames, w, h, 3, w * 3 / 2, h * 3 / 2);
            assertResizeEqualsTwin(frames, w, h, 3, 300, 169);
            assertScoresEqualTwin(null, frames, w, h);
            assertScoresEqualTwin(null, frames.subList(0, 1), w, h);
            if (frames.size() > 2) {
                assertScoresEqualTwin(frames.get(0), frames.subList(1, frames.size()), w, h);
            }
        }
    }

    @Test
    void residentScoresEqualTwinAndReportKernelTime() {
        int w = 257;
        int h = 143;
        List<byte[]> frames = randomFrames(400, 5, w * h * 3);
        int frameBytes = w * h * 3;
        CUdeviceptr resident = new CUdeviceptr();
        device.bind();
        cuMemAlloc(resident, (long) frameBytes * frames.size());
        try {
            for (int i = 0; i < frames.size(); i++) {
                cuMemcpyHtoD(resident.withByteOffset((long) i * frameBytes), Pointer.to(frames.get(i)), frameBytes);
            }
            double[] scores = kernels.contentScoresResident(resident, frames.size(), w, h);
            assertThat(scores).hasSize(frames.size() - 1);
            for (int i = 1; i < frames.size(); i++) {
                assertThat(scores[i - 1]).isEqualTo(ContentScore.score(frames.get(i - 1), frames.get(i), w, h));
            }
            assertThat(kernels.lastStats().kernelNanos()).isPositive();
            assertThat(kernels.lastStats().uploadBytes()).isZero();
        } finally {
            cuMemFree(resident);
        }
    }

    @Test
    void statsDescribeTheLastCall() {
        List<byte[]> frames = randomFrames(500, 3, 640 * 360 * 3);
        kernels.contentScores(null, frames, 640, 360);
        GpuFrameKernels.Stats stats = kernels.lastStats();
        assertThat(stats.frames()).isEqualTo(3);
        assertThat(stats.uploadBytes()).isEqualTo(3L * 640 * 360 * 3);
        assertThat(stats.uploadNanos()).isPositive();
        assertThat(stats.kernelNanos()).isPositive();
        assertThat(kernels.deviceBytesHeld()).isPositive();
    }

    private static void assertConversionsEqualTwins(List<byte[]> frames, int w, int h) {
        int pixels = w * h;
        List<byte[]> hsv = kernels.toHsv(frames, w, h);
        List<byte[]> gray = kernels.toGray(frames, w, h);
        List<byte[]> rgb = kernels.toRgb(frames, w, h);
        for (int i = 0; i < frames.size(); i++) {
            byte[] expectedHsv = new byte[pixels * 3];
            byte[] expectedGray = new byte[pixels];
            byte[] expectedRgb = new byte[pixels * 3];
            ColorConversion.bgrToHsv(frames.get(i), expectedHsv, pixels);
            ColorConversion.bgrToGray(frames.get(i), expectedGray, pixels);
            ColorConversion.bgrToRgb(frames.get(i), expectedRgb, pixels);
            String what = w + "x" + h + " frame " + i + " of " + frames.size();
            assertThat(Arrays.mismatch(hsv.get(i), expectedHsv)).as("HSV first difference, " + what).isEqualTo(-1);
            assertThat(Arrays.mismatch(gray.get(i), expectedGray)).as("grey first difference, " + what).isEqualTo(-1);
            assertThat(Arrays.mismatch(rgb.get(i), expectedRgb)).as("RGB first difference, " + what).isEqualTo(-1);
        }
    }

    /** Both resize kernels (resize_bilinear and resize_linear_exact) against their twins. */
    private static void assertResizeEqualsTwin(List<byte[]> frames, int w, int h, int channels, int dw, int dh) {
        List<byte[]> gpu = kernels.resize(frames, w, h, channels, dw, dh);
        for (int i = 0; i < frames.size(); i++) {
            byte[] expected = new byte[dw * dh * channels];
            BilinearResize.resize(frames.get(i), w, h, channels, expected, dw, dh);
            assertThat(Arrays.mismatch(gpu.get(i), expected))
                    .as("first difference, %dx%dx%d -> %dx%d frame %d", w, h, channels, dw, dh, i).isEqualTo(-1);
        }
        assertLinearExactEqualsTwin(frames, w, h, channels, dw, dh);
    }

    private static void assertLinearExactEqualsTwin(List<byte[]> frames, int w, int h, int channels, int dw,
            int dh) {
        List<byte[]> gpu = kernels.resizeLinearExact(frames, w, h, channels, dw, dh);
        for (int i = 0; i < frames.size(); i++) {
            byte[] expected = new byte[dw * dh * channels];
            LinearExactResize.resize(frames.get(i), w, h, channels, expected, dw, dh);
            assertThat(Arrays.mismatch(gpu.get(i), expected))
                    .as("resize_linear_exact first difference, %dx%dx%d -> %dx%d frame %d", w, h, channels, dw, dh,
                            i).isEqualTo(-1);
        }
    }

    private static void assertScoresEqualTwin(byte[] previous, List<byte[]> frames, int w, int h) {
        double[] expected = new double[frames.size()];
        List<byte[]> hsv = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            byte[] before = i > 0 ? frames.get(i - 1) : previous;
            expected[i] = before == null ? Double.NaN : ContentScore.score(before, frames.get(i), w, h);
            byte[] converted = new byte[w * h * 3];
            ColorConversion.bgrToHsv(frames.get(i), converted, w * h);
            hsv.add(converted);
        }
        byte[] previousHsv = null;
        if (previous != null) {
            previousHsv = new byte[w * h * 3];
            ColorConversion.bgrToHsv(previous, previousHsv, w * h);
        }
        String what = w + "x" + h + ", " + frames.size() + " frames, previous " + (previous != null);
        assertThat(kernels.contentScores(previous, frames, w, h)).as("fused, " + what).containsExactly(expected);
        assertThat(kernels.contentScoresFromHsv(previousHsv, hsv, w, h)).as("from HSV, " + what)
                .containsExactly(expected);
    }

    private static List<byte[]> randomFrames(long seed, int count, int bytes) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] frame = new byte[bytes];
            random.nextBytes(frame);
            out.add(frame);
        }
        return out;
    }
}
