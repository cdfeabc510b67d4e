package dev.sightline.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Consecutive BGR frames decoded with JavaCV from a video in the shared data folder (tests skip without it). */
final class SharedVideoFrames {

    /** Consecutive packed BGR frames of one size. */
    record Clip(List<byte[]> frames, int width, int height) {
    }

    private SharedVideoFrames() {
    }

    /** The video {@code name} under {@code sightline.shared.data}/video; skips the test when absent. */
    static Path video(String name) {
        String root = System.getProperty("sightline.shared.data");
        assumeTrue(root != null && !root.isBlank(), "sightline.shared.data is not set");
        Path file = Path.of(root, "video", name);
        assumeTrue(Files.isRegularFile(file), file + " is absent");
        return file;
    }

    /** {@code count} consecutive frames starting at frame {@code skip} of the shared video {@code name}. */
    static Clip read(String name, int skip, int count) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        int width = 0;
        int height = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video(name).toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            int index = 0;
            for (Frame frame = grabber.grabImage(); frame != null && frames.size() < count; frame = grabber.grabImage()) {
                if (index++ >= skip) {
                    Mat mat = converter.convert(frame);
                    width = mat.cols();
                    height = mat.rows();
                    frames.add(OpenCvImages.bytes(mat));
                }
            }
            grabber.stop();
        }
        assumeTrue(!frames.isEmpty(), name + " has no frames after " + skip);
        return new Clip(frames, width, height);
    }
}
