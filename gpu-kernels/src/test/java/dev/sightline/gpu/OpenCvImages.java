package dev.sightline.gpu;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Conversions between packed byte arrays and OpenCV Mats for the twin-vs-OpenCV tests. */
final class OpenCvImages {

    private OpenCvImages() {
    }

    /** An 8-bit Mat with {@code channels} channels holding a copy of {@code bytes}. */
    static Mat mat(byte[] bytes, int width, int height, int channels) {
        Mat mat = new Mat(height, width, opencv_core.CV_8UC(channels));
        mat.data().put(bytes, 0, width * height * channels);
        return mat;
    }

    /** The bytes of an 8-bit Mat. */
    static byte[] bytes(Mat mat) {
        Mat continuous = mat.isContinuous() ? mat : mat.clone();
        try {
            byte[] out = new byte[(int) (continuous.total() * continuous.elemSize())];
            continuous.data().get(out);
            return out;
        } finally {
            if (continuous != mat) {
                continuous.close();
            }
        }
    }

    /** {@code src} resized by OpenCV with {@code interpolation} (an {@code opencv_imgproc.INTER_*} flag). */
    static byte[] resize(byte[] src, int width, int height, int channels, int dstWidth, int dstHeight, int interpolation) {
        try (Mat in = mat(src, width, height, channels); Mat out = new Mat(); Size size = new Size(dstWidth, dstHeight)) {
            opencv_imgproc.resize(in, out, size, 0, 0, interpolation);
            return bytes(out);
        }
    }
}
