package dev.sightline.gpu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Real BGR frames for the HOG tests: frames spread over the shared vtest.avi, at native size or upscaled. */
final class HogTestFrames {

    /** A packed BGR frame. */
    record BgrFrame(String name, byte[] bgr, int width, int height) {
    }

    private HogTestFrames() {
    }

    /** The shared vtest.avi, if the sightline.shared.data property names a folder that has it. */
    static Optional<Path> vtest() {
        String root = System.getProperty("sightline.shared.data");
        if (root == null || root.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(root, "video", "vtest.avi");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * {@code count} frames spread evenly over the video, each resized with OpenCV INTER_LINEAR to
     * {@code width} pixels wide (aspect kept, as the video branch does) unless already that wide.
     */
    static List<BgrFrame> spread(Path video, int count, int width) throws Exception {
        List<BgrFrame> out = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            int total = Math.max(grabber.getLengthInVideoFrames(), count);
            int step = Math.max(1, total / count);
            int index = 0;
            for (Frame frame = grabber.grabImage(); frame != null && out.size() < count; frame = grabber.grabImage()) {
                if (index % step == step / 2) {
                    Mat mat = converter.convert(frame);
                    out.add(toFrame("vtest-" + index, mat, width));
                }
                index++;
            }
            grabber.stop();
        }
        return out;
    }

    private static BgrFrame toFrame(String name, Mat mat, int width) {
        if (mat.cols() == width) {
            return new BgrFrame(name, bytes(mat), mat.cols(), mat.rows());
        }
        int height = (int) Math.round(mat.rows() * (double) width / mat.cols());
        try (Mat resized = new Mat(); Size size = new Size(width, height)) {
            opencv_imgproc.resize(mat, resized, size, 0, 0, opencv_imgproc.INTER_LINEAR);
            return new BgrFrame(name, bytes(resized), width, height);
        }
    }

    /** The bytes of a continuous 8-bit Mat. */
    static byte[] bytes(Mat mat) {
        Mat continuous = mat.isContinuous() ? mat : mat.clone();
        byte[] out = new byte[(int) (continuous.total() * continuous.elemSize())];
        continuous.data().get(out);
        return out;
    }

    /** A BGR Mat holding a copy of {@code bgr}. */
    static Mat mat(byte[] bgr, int width, int height) {
        Mat mat = new Mat(height, width, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
        mat.data().put(bgr);
        return mat;
    }
}
