package dev.sightline.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.junit.jupiter.api.Test;

/**
 * The resize twin is within 1 of OpenCV's resize(INTER_LINEAR) everywhere; measured here (random
 * and vtest frames, 1 and 3 channels): downscales identical, upscales differ by 1 in under 1% of the
 * values (OpenCV's scalar row tail rounds once where its SIMD body, which the twin follows, rounds twice).
 */
class BilinearResizeTest {

    /** Largest share of values allowed to differ by 1. */
    private static final double MAX_DIFFERING_FRACTION = 0.01;

    private static final int[][] SIZES = {
        {768, 576, 1152, 864}, {768, 576, 384, 288}, {257, 143, 100, 61}, {257, 143, 600, 333},
        {640, 480, 224, 224}, {33, 17, 97, 41}, {1920, 1080, 640, 360}, {5, 3, 1, 1}, {1, 1, 4, 3}
    };

    @Test
    void randomImagesAreWithinOneOfOpenCv() {
        long seed = 0;
        for (int channels : new int[] {1, 3}) {
            for (int[] s : SIZES) {
                byte[] src = TestImages.random(++seed, s[0] * s[1] * channels);
                assertCloseToOpenCv(src, s[0], s[1], channels, s[2], s[3]);
            }
        }
    }

    @Test
    void realFramesAreWithinOneOfOpenCv() throws Exception {
        SharedVideoFrames.Clip clip = SharedVideoFrames.read("vtest.avi", 50, 2);
        for (byte[] frame : clip.frames()) {
            assertCloseToOpenCv(frame, clip.width(), clip.height(), 3, 1152, 864);
            assertCloseToOpenCv(frame, clip.width(), clip.height(), 3, 300, 225);
            byte[] gray = new byte[clip.width() * clip.height()];
            ColorConversion.bgrToGray(frame, gray, gray.length);
            assertCloseToOpenCv(gray, clip.width(), clip.height(), 1, 1000, 751);
        }
    }

    @Test
    void identitySizeCopies() {
        byte[] src = TestImages.random(7, 31 * 9 * 3);
        byte[] dst = new byte[src.length];
        BilinearResize.resize(src, 31, 9, 3, dst, 31, 9);
        assertThat(dst).isEqualTo(src);
    }

    @Test
    void tapWeightsSumToOneAndStayInside() {
        int[] tap = new int[4];
        for (int d = 0; d < 997; d++) {
            BilinearResize.tap(d, 311, 997, tap, 0);
            assertThat(tap[2] + tap[3]).isEqualTo(1 << BilinearResize.WEIGHT_BITS);
            assertThat(tap[0]).isBetween(0, 310);
            assertThat(tap[1]).isBetween(0, 310);
        }
    }

    private static void assertCloseToOpenCv(byte[] src, int width, int height, int channels, int dstWidth,
            int dstHeight) {
        byte[] twin = new byte[dstWidth * dstHeight * channels];
        BilinearResize.resize(src, width, height, channels, twin, dstWidth, dstHeight);
        byte[] expected = OpenCvImages.resize(src, width, height, channels, dstWidth, dstHeight, opencv_imgproc.INTER_LINEAR);
        int max = 0;
        int differing = 0;
        for (int i = 0; i < twin.length; i++) {
            int d = Math.abs((twin[i] & 0xFF) - (expected[i] & 0xFF));
            max = Math.max(max, d);
            differing += d == 0 ? 0 : 1;
        }
        String what = width + "x" + height + "x" + channels + " -> " + dstWidth + "x" + dstHeight;
        assertThat(max).as("max difference, " + what).isLessThanOrEqualTo(1);
        if (twin.length >= 1000) {
            assertThat(differing / (double) twin.length).as("fraction differing, " + what)
                    .isLessThanOrEqualTo(MAX_DIFFERING_FRACTION);
        }
    }
}
