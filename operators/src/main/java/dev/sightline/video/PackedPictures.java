package dev.sightline.video;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/** Moves BGR pictures between OpenCV matrices and the packed byte arrays that batches carry. */
final class PackedPictures {

    private PackedPictures() {}

    /** The picture's pixels, packed row after row (copied out of OpenCV's memory). */
    static byte[] bytes(Mat bgr) {
        Mat packed = bgr.isContinuous() ? bgr : bgr.clone();
        try {
            byte[] out = new byte[(int) (packed.total() * packed.elemSize())];
            packed.data().get(out);
            return out;
        } finally {
            if (packed != bgr) {
                packed.close();
            }
        }
    }

    /** Appends the picture's packed pixels to {@code out} at {@code offset}; returns the bytes written. */
    static int copy(Mat bgr, byte[] out, int offset) {
        byte[] pixels = bytes(bgr);
        System.arraycopy(pixels, 0, out, offset, pixels.length);
        return pixels.length;
    }

    /** Loads {@code width x height} BGR pixels from {@code source} at {@code offset} into {@code target}. */
    static Mat load(byte[] source, int offset, int width, int height, Mat target) {
        target.create(height, width, opencv_core.CV_8UC3);
        target.data().put(source, offset, width * height * 3);
        return target;
    }
}
