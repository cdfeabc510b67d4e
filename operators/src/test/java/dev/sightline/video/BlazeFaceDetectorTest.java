package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** BlazeFace through OpenCV's DNN module on public pictures (scikit-image's data; skipped when not fetched). */
class BlazeFaceDetectorTest {

    static Path picture(String name) {
        Path file = Path.of(System.getProperty("sightline.public.clips", "../../clips"), "images", name);
        assumeTrue(Files.exists(file), "public pictures not fetched (jobs/scripts/public-clips.sh): " + file);
        return file;
    }

    @Test
    void findsTheFacesOfPeopleAndNoneInACatCoffeeOrAMotorcycle() {
        try (BlazeFaceDetector faces = new BlazeFaceDetector(BlazeFaceDetector.DEFAULT_MIN_SCORE)) {
            List<ObjectDetector.Detection> astronaut = detect(faces, "astronaut.png");
            assertThat(astronaut).singleElement().satisfies(d -> {
                assertThat(d.label()).isEqualTo("face");
                assertThat(d.score()).isGreaterThan(0.8);
                // Eileen Collins' face, around (225, 120) in the 512 x 512 picture
                assertThat(d.box().x() + d.box().width() / 2).isBetween(195.0, 255.0);
                assertThat(d.box().y() + d.box().height() / 2).isBetween(90.0, 150.0);
                assertThat(d.box().width()).isBetween(70.0, 140.0);
            });
            assertThat(detect(faces, "camera.png")).hasSize(1); // the cameraman, whom the Haar cascade misses (below)
            for (String none : List.of("chelsea.png", "coffee.png", "motorcycle_left.png")) {
                assertThat(detect(faces, none)).as(none).isEmpty();
            }
        }
    }

    @Test
    void theHaarCascadeFindsOneOfTheTwoFaces() {
        try (CascadeFaceDetector haar = new CascadeFaceDetector()) {
            assertThat(detect(haar, "astronaut.png")).hasSize(1);
            assertThat(detect(haar, "camera.png")).isEmpty(); // a face in three-quarter view
        }
    }

    private static List<ObjectDetector.Detection> detect(ObjectDetector faces, String name) {
        try (Mat m = opencv_imgcodecs.imread(picture(name).toString())) {
            return faces.detect(m);
        }
    }

    @Test
    void findsNoFaceInAnEmptyPicture() {
        try (BlazeFaceDetector faces = new BlazeFaceDetector(BlazeFaceDetector.DEFAULT_MIN_SCORE);
                Mat grey = new Mat(360, 640, opencv_core.CV_8UC3, Scalar.all(128))) {
            assertThat(faces.detect(grey)).isEmpty();
        }
    }
}
