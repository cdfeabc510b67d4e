package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.ingest.SharedData;
import dev.sightline.sink.CollectedRows;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People in OpenCV's pedestrian sample, detected with HOG and tracked. */
class PeopleDetectionTest {

    @TempDir
    java.nio.file.Path processed;

    @Test
    void pedestriansAreDetectedAndTracked() throws Exception {
        CollectedRows rows = new CollectedRows();
        List<VideoRows.Detection> detections = rows.of(VideoTables.DETECTIONS);
        List<VideoRows.Track> tracks = rows.of(VideoTables.TRACKS);
        List<VideoRows.Summary> summaries = rows.of(VideoTables.SUMMARY);
        // The first 10 seconds at 2 analysed frames per second keep the test short.
        DetectionSettings settings = new DetectionSettings(2, 768, true, false, 0.3, 3, 2, 0.3);
        java.nio.file.Path file = SharedData.file("video/vtest.avi");
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Path head = java.nio.file.Files.write(processed.resolve("vtest-head.avi"), java.util.Arrays.copyOf(bytes, bytes.length / 8));
        ObjectOutcome outcome = VideoAnalysis.analyze(new LocalObjectStore(), SceneDetectionTest.object(head),
                new VideoSettings(256, SceneSettings.DEFAULTS, settings, LocalPaths.toUri(processed)), rows);
        assertThat(outcome.status()).isIn(ObjectStatus.DONE, ObjectStatus.PARTIAL); // the cut copy is partial
        long frames = detections.stream().map(VideoRows.Detection::frame).distinct().count();
        assertThat(frames).isGreaterThan(10);
        assertThat(detections.size() / (double) frames).as("people per analysed frame").isBetween(1.0, 12.0);
        assertThat(detections).allSatisfy(d -> {
            assertThat(d.label()).isEqualTo("person");
            assertThat(d.height()).isGreaterThan(d.width()); // standing people
        });
        assertThat(tracks).isNotEmpty().allSatisfy(t -> assertThat(t.frames()).isGreaterThanOrEqualTo(2));
        assertThat(summaries.get(0).tracks()).isEqualTo(tracks.size());
    }
}
