package dev.sightline.video;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds objects of some labels in a picture: HOG people, cascade faces, a user's ONNX model. */
public interface ObjectDetector extends AutoCloseable {

    /** A box with its label and score. */
    record Detection(String label, double score, Box box) {}

    /** Detections in {@code bgr}, boxes in its pixels. */
    List<Detection> detect(Mat bgr);

    @Override
    default void close() {}
}
