package dev.sightline.video;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns decoded 4:2:0 YUV frames into BGR pictures without converting every full-size frame: the
 * Y, U and V planes are resized to the wanted size first (bilinear, the same sample positions as
 * resizing a converted picture) and only then converted, with the BT.601 matrix FFmpeg's scaler
 * uses by default (limited or full range as the frame says).
 */
final class PlanarPictures implements AutoCloseable {

    // FFmpeg's BT.601 coefficients in its 16.16 fixed point. Rows: B, G, R; columns: Y, U, V.
    private static final double LUMA = 76309 / 65536.0;
    private static final float[] LIMITED_RANGE = {
        (float) LUMA, (float) (132201 / 65536.0), 0f,
        (float) LUMA, (float) (-25675 / 65536.0), (float) (-53279 / 65536.0),
        (float) LUMA, 0f, (float) (104597 / 65536.0)};
    private static final float[] FULL_RANGE = {
        1f, 1.772f, 0f,
        1f, -0.344136f, -0.714136f,
        1f, 0f, 1.402f};

    private final Mat limited = matrix(LIMITED_RANGE);
    private final Mat full = matrix(FULL_RANGE);
    private final Mat limitedOffset = scalar(-16, -128, -128);
    private final Mat fullOffset = scalar(0, -128, -128);
    private final Mat centred = new Mat();
    private final Mat converted = new Mat();
    private final Mat y = new Mat();
    private final Mat u = new Mat();
    private final Mat v = new Mat();
    private final Mat yuv = new Mat();
    private final MatVector planes = new MatVector(3);

    /** Whether frames of this FFmpeg pixel format can be converted here. */
    static boolean handles(int pixelFormat) {
        return pixelFormat == avutil.AV_PIX_FMT_YUV420P || pixelFormat == avutil.AV_PIX_FMT_YUVJ420P;
    }

    /** Writes {@code frame} as a {@code width} x {@code height} BGR picture into {@code out}. */
    void convert(AVFrame frame, int width, int height, Mat out) {
        int w = frame.width();
        int h = frame.height();
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        try (Mat yPlane = new Mat(h, w, opencv_core.CV_8UC1, frame.data(0), frame.linesize(0));
                Mat uPlane = new Mat(ch, cw, opencv_core.CV_8UC1, frame.data(1), frame.linesize(1));
                Mat vPlane = new Mat(ch, cw, opencv_core.CV_8UC1, frame.data(2), frame.linesize(2));
                Size size = new Size(width, height)) {
            resize(yPlane, y, size);
            resize(uPlane, u, size);
            resize(vPlane, v, size);
        }
        planes.put(0, y);
        planes.put(1, u);
        planes.put(2, v);
        opencv_core.merge(planes, yuv);
        boolean fullRange = frame.format() == avutil.AV_PIX_FMT_YUVJ420P || frame.color_range() == avutil.AVCOL_RANGE_JPEG;
        // Centred first, so that grey (U = V = 128) gives B = G = R exactly, as FFmpeg's tables do:
        // the content score's hue and saturation of dark flat frames swing on a rounding step.
        yuv.convertTo(centred, opencv_core.CV_32F);
        opencv_core.add(centred, fullRange ? fullOffset : limitedOffset, centred);
        opencv_core.transform(centred, converted, fullRange ? full : limited);
        converted.convertTo(out, opencv_core.CV_8U);
    }

    private static void resize(Mat plane, Mat out, Size size) {
        if (plane.cols() == size.width() && plane.rows() == size.height()) {
            plane.copyTo(out);
        } else if (size.width() > plane.cols()) {
            // Chroma of a full-size picture: replicated, as FFmpeg's fast YUV to BGR path does.
            opencv_imgproc.resize(plane, out, size, 0, 0, opencv_imgproc.INTER_NEAREST);
        } else {
            opencv_imgproc.resize(plane, out, size, 0, 0, opencv_imgproc.INTER_LINEAR);
        }
    }

    private static Mat scalar(double y, double u, double v) {
        Mat m = new Mat(4, 1, opencv_core.CV_64F);
        new DoublePointer(m.data()).put(y, u, v, 0);
        return m;
    }

    private static Mat matrix(float[] coefficients) {
        Mat m = new Mat(3, 3, opencv_core.CV_32F);
        new FloatPointer(m.data()).put(coefficients);
        return m;
    }

    @Override
    public void close() {
        limited.close();
        full.close();
        y.close();
        u.close();
        v.close();
        yuv.close();
        planes.close();
        centred.close();
        converted.close();
        limitedOffset.close();
        fullOffset.close();
    }
}
