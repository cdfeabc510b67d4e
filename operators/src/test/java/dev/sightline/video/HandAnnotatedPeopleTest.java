package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.SharedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/** HOG people against people annotated by hand on three frames of vtest.avi: recall at IoU ≥ 0.5. */
class HandAnnotatedPeopleTest {

    private static Map<Long, List<Box>> annotations() throws Exception {
        Map<Long, List<Box>> byFrame = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                HandAnnotatedPeopleTest.class.getResourceAsStream("/video/vtest-people.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("frame")) {
                    continue;
                }
                String[] f = line.split(",");
                byFrame.computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>()).add(new Box(
                        Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
        }
        return byFrame;
    }

    /** Recall of HOG on the annotated frames with the picture scaled by {@code scale}. */
    private static double[] recall(Map<Long, List<Box>> truth, double scale) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int found = 0;
        int total = 0;
        int detections = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SharedData.file("video/vtest.avi").toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                HogPeopleDetector hog = new HogPeopleDetector(0.3);
                Mat scaled = new Mat()) {
            grabber.start();
            long index = 0;
            long last = truth.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            Frame frame;
            while (index <= last && (frame = grabber.grabImage()) != null) {
                List<Box> people = truth.get(index);
                if (people != null) {
                    Mat picture = converter.convert(frame);
                    opencv_imgproc.resize(picture, scaled, new Size((int) (picture.cols() * scale), (int) (picture.rows() * scale)),
                            0, 0, opencv_imgproc.INTER_LINEAR);
                    List<Box> boxes = hog.detect(scaled).stream().map(d -> d.box().scaled(1 / scale)).toList();
                    detections += boxes.size();
                    for (Box person : people) {
                        total++;
                        if (boxes.stream().anyMatch(b -> b.iou(person) >= 0.5)) {
                            found++;
                        }
                    }
                }
                index++;
            }
        }
        return new double[] {found / (double) total, found, total, detections};
    }

    @Test
    void recallOfPeopleAtIouHalf() throws Exception {
        Map<Long, List<Box>> truth = annotations();
        double[] native768 = recall(truth, 1.0);
        double[] upscaled = recall(truth, 1.5);
        System.out.printf("vtest.avi hand-annotated people: recall at IoU>=0.5 %.2f (%d/%d, %d boxes) at 768 px, %.2f (%d/%d, %d boxes) at 1152 px%n",
                native768[0], (int) native768[1], (int) native768[2], (int) native768[3],
                upscaled[0], (int) upscaled[1], (int) upscaled[2], (int) upscaled[3]);
        assertThat(upscaled[0]).isGreaterThanOrEqualTo(native768[0]);
        assertThat(upscaled[0]).isGreaterThanOrEqualTo(0.5);
    }
}
