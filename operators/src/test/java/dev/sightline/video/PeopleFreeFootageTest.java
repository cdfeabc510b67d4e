package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.sink.CollectedRows;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Footage without people yields no confirmed person or face track with the default object layer
 * (public clips that jobs/scripts/public-clips.sh extracts; skipped when they are absent). With
 * the first object layer (Haar faces, every confirmed track kept) both clips had false tracks.
 */
class PeopleFreeFootageTest {

    @ParameterizedTest
    @ValueSource(strings = {"cockatoo.mp4", "bgs-video.avi"})
    void noPersonAndNoFace(String name) {
        Path clip = Path.of(System.getProperty("sightline.public.clips", "../../clips"), name);
        assumeTrue(Files.exists(clip), "public clips not extracted (jobs/scripts/public-clips.sh): " + clip);
        LocalObjectStore store = new LocalObjectStore();
        MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(clip));
        CollectedRows rows = new CollectedRows();
        VideoAnalysis.analyze(store, object, new VideoSettings(256, SceneSettings.DEFAULTS, DetectionSettings.DEFAULTS, null), rows);
        assertThat(rows.of(VideoTables.SUMMARY).get(0).framesDecoded()).isPositive();
        assertThat(rows.of(VideoTables.TRACKS)).extracting(VideoRows.Track::label).doesNotContain("person", "face");
        // the detector's boxes stay in video_detections, with no track
        assertThat(rows.of(VideoTables.DETECTIONS)).filteredOn(d -> d.label().equals("person")).allMatch(d -> d.trackId() < 0);
    }
}
