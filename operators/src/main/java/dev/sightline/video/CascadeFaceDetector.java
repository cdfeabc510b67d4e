package dev.sightline.video;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/** Frontal faces with the Haar cascade that ships inside the bytedeco OpenCV jar (nothing downloaded). */
public final class CascadeFaceDetector implements ObjectDetector {

    /** The cascade's path inside the OpenCV natives jar. */
    public static final String CASCADE = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";

    private final CascadeClassifier cascade;
    private final Mat gray = new Mat();

    public CascadeFaceDetector() {
        try {
            File file = Loader.cacheResource(CascadeFaceDetector.class, CASCADE);
            cascade = new CascadeClassifier(file.getAbsolutePath());
            if (cascade.empty()) {
                throw new IllegalStateException("cannot load the face cascade " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the face cascade from the OpenCV jar", e);
        }
    }

    @Override
    public List<Detection> detect(Mat bgr) {
        if (bgr.cols() < 24 || bgr.rows() < 24) {
            return List.of(); // smaller than the cascade's window
        }
        opencv_imgproc.cvtColor(bgr, gray, opencv_imgproc.COLOR_BGR2GRAY);
        opencv_imgproc.equalizeHist(gray, gray);
        List<Detection> out = new ArrayList<>();
        try (RectVector faces = new RectVector(); Size min = new Size(24, 24); Size max = new Size()) {
            cascade.detectMultiScale(gray, faces, 1.1, 4, 0, min, max);
            for (int i = 0; i < faces.size(); i++) {
                Rect r = faces.get(i);
                out.add(new Detection("face", 1, new Box(r.x(), r.y(), r.width(), r.height())));
            }
        }
        return out;
    }

    @Override
    public void close() {
        cascade.close();
        gray.close();
    }
}
