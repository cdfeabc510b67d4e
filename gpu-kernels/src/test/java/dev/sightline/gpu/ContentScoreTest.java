package dev.sightline.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The content score twin equals (==) the OpenCV computation the video branch makes. */
class ContentScoreTest {

    @Test
    void randomPairsEqualOpenCv() {
        int[][] sizes = {{257, 143}, {64, 48}, {1, 1}, {640, 360}};
        long seed = 10;
        for (int[] s : sizes) {
            byte[] a = TestImages.random(++seed, s[0] * s[1] * 3);
            byte[] b = TestImages.random(++seed, s[0] * s[1] * 3);
            assertThat(ContentScore.score(a, b, s[0], s[1])).isEqualTo(openCvScore(a, b, s[0], s[1]));
        }
    }

    @Test
    void consecutiveRealFramesEqualOpenCv() throws Exception {
        for (String video : List.of("vtest.avi", "fades.mp4")) {
            SharedVideoFrames.Clip clip = SharedVideoFrames.read(video, 20, 8);
            for (int i = 1; i < clip.frames().size(); i++) {
                byte[] previous = clip.frames().get(i - 1);
                byte[] current = clip.frames().get(i);
                double twin = ContentScore.score(previous, current, clip.width(), clip.height());
                assertThat(twin).as(video + " frame " + i)
                        .isEqualTo(openCvScore(previous, current, clip.width(), clip.height()));
            }
        }
    }

    @Test
    void identicalFramesScoreZero() {
        byte[] a = TestImages.random(3, 20 * 10 * 3);
        assertThat(ContentScore.score(a, a.clone(), 20, 10)).isZero();
    }

    @Test
    void channelSumsAreSumsOfAbsoluteDifferences() {
        byte[] a = {10, 20, (byte) 200, 0, 0, 0};
        byte[] b = {15, 10, (byte) 250, (byte) 179, 1, (byte) 255};
        assertThat(ContentScore.channelSums(a, b, 2)).containsExactly(5 + 179, 10 + 1, 50 + 255);
    }

    /** HsvDifference of the video branch: cvtColor BGR2HSV, absdiff, mean, mean of the three channels. */
    private static double openCvScore(byte[] previous, byte[] current, int width, int height) {
        try (Mat a = OpenCvImages.mat(previous, width, height, 3); Mat b = OpenCvImages.mat(current, width, height, 3);
                Mat hsvA = new Mat(); Mat hsvB = new Mat(); Mat difference = new Mat()) {
            opencv_imgproc.cvtColor(a, hsvA, opencv_imgproc.COLOR_BGR2HSV);
            opencv_imgproc.cvtColor(b, hsvB, opencv_imgproc.COLOR_BGR2HSV);
            opencv_core.absdiff(hsvB, hsvA, difference);
            try (Scalar mean = opencv_core.mean(difference)) {
                return (mean.get(0) + mean.get(1) + mean.get(2)) / 3.0;
            }
        }
    }
}
