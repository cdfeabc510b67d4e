package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's ONNX detector, exercised with a tiny model the test writes itself. */
class OnnxObjectDetectorTest {

    @TempDir
    Path dir;

    @Test
    void decodesYoloRowsThresholdsAndSuppressesOverlaps() throws Exception {
        // Model input 64 x 64; rows: cx, cy, w, h, objectness, score(cat), score(dog).
        float[][] rows = {
            {32, 16, 16, 8, 0.9f, 0.9f, 0.1f}, // cat, 0.81
            {33, 16, 16, 8, 0.8f, 0.9f, 0.1f}, // same cat, lower: suppressed
            {10, 50, 8, 8, 0.9f, 0.2f, 0.8f}, // dog, 0.72
            {50, 50, 8, 8, 0.2f, 0.5f, 0.5f}, // 0.10: below the threshold
        };
        Path model = Files.write(dir.resolve("tiny.onnx"), TinyOnnxModel.constantDetections(64, rows));
        try (OnnxObjectDetector detector = new OnnxObjectDetector(model, 64, List.of("cat", "dog"), 0.25, 0.5);
                Mat picture = new Mat(256, 128, opencv_core.CV_8UC3)) { // 128 wide, 256 high: boxes scale 2x and 4x
            List<ObjectDetector.Detection> found = detector.detect(picture);
            assertThat(found).extracting(ObjectDetector.Detection::label).containsExactly("cat", "dog");
            ObjectDetector.Detection cat = found.get(0);
            assertThat(cat.score()).isCloseTo(0.81, within(1e-6));
            assertThat(cat.box()).isEqualTo(new Box((32 - 8) * 2.0, (16 - 4) * 4.0, 16 * 2.0, 8 * 4.0));
        }
    }

    @Test
    void readsTransposedYoloV8Output() {
        // [4 + classes, boxes]: two boxes, classes person and car, no objectness.
        float[][] transposed = {
            {10, 40}, {10, 40}, {4, 8}, {4, 8}, // cx, cy, w, h rows
            {0.9f, 0.1f}, // person
            {0.05f, 0.7f}, // car
        };
        OnnxObjectDetector.Decoder decoder = new OnnxObjectDetector.Decoder(List.of("person", "car"), 0.25, 0.5);
        List<ObjectDetector.Detection> found = decoder.decode(transposed, 1, 1);
        assertThat(found).extracting(ObjectDetector.Detection::label).containsExactly("person", "car");
        assertThat(found.get(1).score()).isEqualTo(0.7f);
        assertThat(found.get(1).box()).isEqualTo(new Box(36, 36, 8, 8));
    }
}
