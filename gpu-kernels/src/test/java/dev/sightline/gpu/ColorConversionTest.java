package dev.sightline.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The colour conversion twins are byte-identical to OpenCV's cvtColor. */
class ColorConversionTest {

    private static final int WIDTH = 257;
    private static final int HEIGHT = 143;

    @Test
    void randomImagesMatchOpenCv() {
        for (long seed = 1; seed <= 5; seed++) {
            assertMatchesOpenCv(TestImages.random(seed, WIDTH * HEIGHT * 3), WIDTH, HEIGHT);
        }
    }

    @Test
    void everyColourMatchesOpenCv() {
        byte[] bgr = TestImages.everyColour();
        assertMatchesOpenCv(bgr, 4096, 4096);
    }

    @Test
    void realFramesMatchOpenCv() throws Exception {
        SharedVideoFrames.Clip clip = SharedVideoFrames.read("vtest.avi", 100, 3);
        for (byte[] frame : clip.frames()) {
            assertMatchesOpenCv(frame, clip.width(), clip.height());
        }
    }

    @Test
    void rejectsShortBuffers() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ColorConversion.bgrToGray(new byte[5], new byte[2], 2))
                .withMessageContaining("6 source");
    }

    private static void assertMatchesOpenCv(byte[] bgr, int width, int height) {
        int pixels = width * height;
        byte[] rgb = new byte[pixels * 3];
        byte[] gray = new byte[pixels];
        byte[] hsv = new byte[pixels * 3];
        ColorConversion.bgrToRgb(bgr, rgb, pixels);
        ColorConversion.bgrToGray(bgr, gray, pixels);
        ColorConversion.bgrToHsv(bgr, hsv, pixels);
        try (Mat src = OpenCvImages.mat(bgr, width, height, 3)) {
            assertThat(firstDifference(rgb, cvt(src, opencv_imgproc.COLOR_BGR2RGB))).as("BGR2RGB").isEqualTo(-1);
            assertThat(firstDifference(gray, cvt(src, opencv_imgproc.COLOR_BGR2GRAY))).as("BGR2GRAY").isEqualTo(-1);
            assertThat(firstDifference(hsv, cvt(src, opencv_imgproc.COLOR_BGR2HSV))).as("BGR2HSV").isEqualTo(-1);
        }
    }

    /** The first index where the arrays differ, -1 when equal (lengths included). */
    static int firstDifference(byte[] actual, byte[] expected) {
        return Arrays.mismatch(actual, expected);
    }

    private static byte[] cvt(Mat src, int code) {
        try (Mat dst = new Mat()) {
            opencv_imgproc.cvtColor(src, dst, code);
            return OpenCvImages.bytes(dst);
        }
    }
}
