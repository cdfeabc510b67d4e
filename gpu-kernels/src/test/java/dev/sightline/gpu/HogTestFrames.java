package dev.sightline.gpu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/** Real BGR frames for the HOG tests: frames spread over the shared vtest.avi, at native size or upscaled. */
final class HogTestFrames {

    /** A packed BGR frame. */
    record BgrFrame(String name, byte[] bgr, int width, int height) {
    }

    private HogTestFrames() {
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
        byte[] bgr = OpenCvImages.bytes(mat);
        if (mat.cols() == width) {
            return new BgrFrame(name, bgr, mat.cols(), mat.rows());
        }
        int height = (int) Math.round(mat.rows() * (double) width / mat.cols());
        return new BgrFrame(name, OpenCvImages.resize(bgr, mat.cols(), mat.rows(), 3, width, height, opencv_imgproc.INTER_LINEAR),
                width, height);
    }
}
