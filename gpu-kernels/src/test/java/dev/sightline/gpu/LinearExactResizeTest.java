package dev.sightline.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.junit.jupiter.api.Test;

/**
 * The INTER_LINEAR_EXACT twin is byte-identical to OpenCV's {@code resize(..., INTER_LINEAR_EXACT)}
 * (no tolerance): random images from fixed seeds (1 to 4 channels, odd sizes, up and down scales,
 * single-pixel sources, exact 2x downscales that OpenCV routes to INTER_AREA, sizes whose weights
 * are exact ties rounded to even: 3 -> 256, 5 -> 768, 2 -> 512), every level of the HOG
 * pyramid, and real vtest frames.
 */
class LinearExactResizeTest {

    private static final int[][] SIZES = {
        {768, 576, 1152, 864}, {768, 576, 384, 288}, {257, 143, 100, 61}, {257, 143, 600, 333},
        {640, 480, 224, 224}, {33, 17, 97, 41}, {1920, 1080, 640, 360}, {5, 3, 1, 1}, {1, 1, 4, 3},
        {1, 9, 7, 4}, {9, 1, 4, 7}, {2, 2, 5, 5}, {3, 2, 2, 7}, {101, 77, 96, 73}, {1001, 3, 1000, 5},
        {64, 128, 128, 256}, {7, 5, 7, 5}, {3, 5, 256, 768}, {5, 2, 768, 512}
    };

    @Test
    void randomImagesEqualOpenCv() {
        long seed = 100;
        for (int channels : new int[] {1, 2, 3, 4}) {
            for (int[] s : SIZES) {
                byte[] src = TestImages.random(++seed, s[0] * s[1] * channels);
                assertEqualsOpenCv(src, s[0], s[1], channels, s[2], s[3]);
            }
        }
    }

    @Test
    void hogPyramidLevelsEqualOpenCv() {
        for (int[] frame : new int[][] {{768, 576}, {1152, 864}, {301, 263}}) {
            byte[] src = TestImages.random(frame[0] * 31L + frame[1], frame[0] * frame[1] * 3);
            for (HogLevel level : HogLevel.pyramid(frame[0], frame[1])) {
                assertEqualsOpenCv(src, frame[0], frame[1], 3, level.width(), level.height());
            }
        }
    }

    @Test
    void realFramesEqualOpenCv() throws Exception {
        SharedVideoFrames.Clip clip = SharedVideoFrames.read("vtest.avi", 50, 2);
        for (byte[] frame : clip.frames()) {
            assertEqualsOpenCv(frame, clip.width(), clip.height(), 3, 1152, 864);
            assertEqualsOpenCv(frame, clip.width(), clip.height(), 3, 300, 225);
            for (HogLevel level : HogLevel.pyramid(clip.width(), clip.height())) {
                assertEqualsOpenCv(frame, clip.width(), clip.height(), 3, level.width(), level.height());
            }
            byte[] gray = new byte[clip.width() * clip.height()];
            ColorConversion.bgrToGray(frame, gray, gray.length);
            assertEqualsOpenCv(gray, clip.width(), clip.height(), 1, 1000, 751);
            assertEqualsOpenCv(gray, clip.width(), clip.height(), 1, 731, 549);
        }
    }

    @Test
    void tapWeightsStayInside() {
        int[] taps = LinearExactResize.taps(311, 997);
        for (int d = 0; d < 997; d++) {
            assertThat(taps[d * 2]).isBetween(0, 310);
            assertThat(taps[d * 2 + 1]).isBetween(0, 1 << LinearExactResize.WEIGHT_BITS);
        }
        assertThat(taps[0]).isZero();
        assertThat(taps[1]).isZero();
        assertThat(taps[2 * 996]).isEqualTo(310);
        assertThat(taps[2 * 996 + 1]).isZero();
    }

    private static void assertEqualsOpenCv(byte[] src, int width, int height, int channels, int dstWidth,
            int dstHeight) {
        byte[] twin = new byte[dstWidth * dstHeight * channels];
        LinearExactResize.resize(src, width, height, channels, twin, dstWidth, dstHeight);
        byte[] expected = OpenCvImages.resize(src, width, height, channels, dstWidth, dstHeight, opencv_imgproc.INTER_LINEAR_EXACT);
        int differing = 0;
        int first = -1;
        for (int i = 0; i < twin.length; i++) {
            if (twin[i] != expected[i]) {
                differing++;
                first = first < 0 ? i : first;
            }
        }
        String what = width + "x" + height + "x" + channels + " -> " + dstWidth + "x" + dstHeight;
        assertThat(differing).as("values differing from OpenCV, %s (first at %d)", what, first).isZero();
    }
}
