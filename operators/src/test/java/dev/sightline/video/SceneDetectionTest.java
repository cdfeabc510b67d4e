package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.ingest.SharedData;
import dev.sightline.sink.CollectedRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scene cuts on PySceneDetect's own test clips, with its default settings. */
class SceneDetectionTest {

    @TempDir
    Path processed;

    static MediaObject object(Path file) throws Exception {
        LocalObjectStore store = new LocalObjectStore();
        return new ObjectInspector(store).inspect(LocalPaths.toUri(file));
    }

    private CollectedRows analyze(Path file, SceneSettings scenes) throws Exception {
        CollectedRows rows = new CollectedRows();
        ObjectOutcome outcome = VideoAnalysis.analyze(new LocalObjectStore(), object(file),
                new VideoSettings(256, scenes, DetectionSettings.OFF, LocalPaths.toUri(processed)), rows);
        assertThat(outcome.status()).as(outcome.error()).isEqualTo(ObjectStatus.DONE);
        return rows;
    }

    @Test
    void contentDetectorCutsTestVideoExactlyWherePySceneDetectDoes() throws Exception {
        CollectedRows rows = analyze(SharedData.file("video/testvideo.mp4"), SceneSettings.DEFAULTS);
        assertThat(VideoRows.cuts(rows.of(VideoTables.SCENES), "content")).containsExactly(30L, 180L, 394L);
        VideoRows.Summary summary = rows.of(VideoTables.SUMMARY).get(0);
        assertThat(summary.framesDecoded()).isEqualTo(720);
        assertThat(summary.width()).isEqualTo(1280);
        assertThat(summary.scenes()).isEqualTo(4);
        assertThat(summary.partial()).isFalse();
        assertThat(rows.of(VideoTables.SCENES)).allSatisfy(s -> assertThat(Files.size(LocalPaths.toPath(s.keyframeUri()))).isGreaterThan(1000));
        assertThat(rows.of(VideoTables.SCENES).get(1).startTimeS()).isEqualTo(30 / 29.97, org.assertj.core.api.Assertions.within(0.002));
    }

    @Test
    void fadesDoNotCut() throws Exception {
        CollectedRows rows = analyze(SharedData.file("video/fades.mp4"), new SceneSettings(List.of("content", "adaptive"), 27, 15, 3.0, 2, 15));
        assertThat(VideoRows.cuts(rows.of(VideoTables.SCENES), "content")).isEmpty();
        assertThat(VideoRows.cuts(rows.of(VideoTables.SCENES), "adaptive")).isEmpty();
    }

    @Test
    void adaptiveDetectorFindsTheSameHardCuts() throws Exception {
        CollectedRows rows = analyze(SharedData.file("video/testvideo.mp4"), new SceneSettings(List.of("adaptive"), 27, 15, 3.0, 2, 15));
        assertThat(VideoRows.cuts(rows.of(VideoTables.SCENES), "adaptive")).contains(30L, 180L, 394L); // and one more near the end, under the content threshold
    }
}
