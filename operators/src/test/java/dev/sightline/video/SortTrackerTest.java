package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SortTrackerTest {

    private static ObjectDetector.Detection person(double x, double y) {
        return new ObjectDetector.Detection("person", 1, new Box(x, y, 40, 100));
    }

    @Test
    void followsCrossingWalkersWithStableIds() {
        SortTracker tracker = new SortTracker(DetectionSettings.DEFAULTS, new long[] {0});
        SplittableRandom noise = new SplittableRandom(4);
        List<Long> leftToRight = new ArrayList<>();
        List<Long> rightToLeft = new ArrayList<>();
        for (int frame = 0; frame < 60; frame++) {
            List<ObjectDetector.Detection> detections = new ArrayList<>();
            detections.add(person(10 + 8 * frame + noise.nextGaussian(), 100 + noise.nextGaussian()));
            detections.add(person(600 - 8 * frame + noise.nextGaussian(), 140 + noise.nextGaussian()));
            if (frame == 30) {
                detections.remove(0); // one missed detection mid-way
            }
            for (SortTracker.Assigned a : tracker.update(detections, frame / 5.0)) {
                (a.detection().box().y() < 120 ? leftToRight : rightToLeft).add(a.trackId());
            }
        }
        // Unconfirmed for the first hits, then one id each for the whole walk, through the crossing.
        assertThat(leftToRight.subList(0, 2)).containsOnly(-1L);
        assertThat(leftToRight.subList(2, leftToRight.size())).containsOnly(leftToRight.get(2));
        assertThat(rightToLeft.subList(2, rightToLeft.size())).containsOnly(rightToLeft.get(2));
        assertThat(leftToRight.get(2)).isNotEqualTo(rightToLeft.get(2));
        assertThat(tracker.confirmedTracks()).hasSize(2);
        assertThat(tracker.confirmedTracks().get(0).frames).isEqualTo(59);
    }

    @Test
    void aTrackLostForLongerThanItsMaxAgeComesBackWithANewId() {
        SortTracker tracker = new SortTracker(DetectionSettings.DEFAULTS, new long[] {0});
        List<Long> ids = new ArrayList<>();
        for (int frame = 0; frame < 20; frame++) {
            List<ObjectDetector.Detection> detections = frame >= 8 && frame < 14 ? List.of() : List.of(person(100 + frame, 100));
            tracker.update(detections, frame).forEach(a -> ids.add(a.trackId()));
        }
        assertThat(ids.stream().filter(id -> id >= 0).distinct()).hasSize(2);
    }

    @Test
    void boxOverlap() {
        Box a = new Box(0, 0, 10, 10);
        assertThat(a.iou(new Box(0, 0, 10, 10))).isEqualTo(1);
        assertThat(a.iou(new Box(5, 0, 10, 10))).isEqualTo(50.0 / 150);
        assertThat(a.iou(new Box(20, 20, 5, 5))).isZero();
    }

    @Test
    void detectorsAcceptPicturesSmallerThanTheirWindow() {
        try (org.bytedeco.opencv.opencv_core.Mat tiny = new org.bytedeco.opencv.opencv_core.Mat(48, 64,
                org.bytedeco.opencv.global.opencv_core.CV_8UC3);
                HogPeopleDetector people = new HogPeopleDetector(0.3);
                CascadeFaceDetector faces = new CascadeFaceDetector()) {
            assertThat(people.detect(tiny)).isEmpty();
            try (org.bytedeco.opencv.opencv_core.Mat tinier = new org.bytedeco.opencv.opencv_core.Mat(16, 16,
                    org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
                assertThat(faces.detect(tinier)).isEmpty();
            }
        }
    }
}
