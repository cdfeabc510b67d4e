package dev.sightline.video;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * People with OpenCV's HOG descriptor and its default people detector (Dalal and Triggs' linear
 * SVM, 64x128 window), over an image pyramid with scale step 1.05 and grouping of overlaps. The
 * detector's window has a margin around the person (its training images put a ~40x96 person in
 * a 64x128 window); boxes are tightened to the person by that margin.
 */
public final class HogPeopleDetector implements ObjectDetector {

    private static final int WINDOW_WIDTH = 64;
    private static final int WINDOW_HEIGHT = 128;

    private final HOGDescriptor hog = new HOGDescriptor();
    private final Mat svm;
    private final double minScore;

    public HogPeopleDetector(double minScore) {
        this.minScore = minScore;
        this.svm = new Mat(HOGDescriptor.getDefaultPeopleDetector());
        hog.setSVMDetector(svm);
    }

    @Override
    public List<Detection> detect(Mat bgr) {
        List<Detection> out = new ArrayList<>();
        if (bgr.cols() < WINDOW_WIDTH || bgr.rows() < WINDOW_HEIGHT) {
            return out; // smaller than one detection window (OpenCV crashes on such images)
        }
        try (RectVector found = new RectVector(); DoublePointer weights = new DoublePointer();
                Size stride = new Size(8, 8); Size padding = new Size(16, 16)) {
            hog.detectMultiScale(bgr, found, weights, 0, stride, padding, 1.05, 2, false);
            for (int i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                double score = i < weights.limit() ? weights.get(i) : 1;
                if (score >= minScore) {
                    out.add(new Detection("person", score, tighten(new Box(r.x(), r.y(), r.width(), r.height()))));
                }
            }
        }
        return out;
    }

    /** The person inside a detection window: the middle 62.5% of its width, 75% of its height. */
    static Box tighten(Box window) {
        return new Box(window.x() + window.width() * 0.1875, window.y() + window.height() * 0.125,
                window.width() * 0.625, window.height() * 0.75);
    }

    @Override
    public void close() {
        hog.close();
        svm.close();
    }
}
