package dev.sightline.video;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The content score of PySceneDetect's ContentDetector: the mean absolute difference between
 * consecutive frames in hue, saturation and value (OpenCV's 8-bit HSV), weighted equally.
 */
public final class HsvDifference implements AutoCloseable {

    private Mat previous = new Mat();
    private Mat current = new Mat();
    private final Mat difference = new Mat();
    private boolean first = true;

    /** The score of this frame against the previous one; NaN for the first frame. */
    public double score(Mat bgr) {
        opencv_imgproc.cvtColor(bgr, current, opencv_imgproc.COLOR_BGR2HSV);
        double score = Double.NaN;
        if (!first) {
            opencv_core.absdiff(current, previous, difference);
            Scalar mean = opencv_core.mean(difference);
            score = (mean.get(0) + mean.get(1) + mean.get(2)) / 3.0;
            mean.close();
        }
        first = false;
        Mat swap = previous;
        previous = current;
        current = swap;
        return score;
    }

    /** Forgets the previous frame: the next one scores NaN, as a video's first frame. */
    public void restart() {
        first = true;
    }

    @Override
    public void close() {
        previous.close();
        current.close();
        difference.close();
    }
}
