package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.demo.DemoSamples;
import dev.sightline.demo.SampleVideo;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.CollectedRows;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated videos with known cuts, and broken ones. */
class VideoInputsTest {

    @TempDir
    Path dir;

    private final CollectedRows rows = new CollectedRows();
    private final List<VideoRows.Scene> scenes = rows.of(VideoTables.SCENES);
    private final List<VideoRows.Summary> summaries = rows.of(VideoTables.SUMMARY);

    private ObjectOutcome analyze(Path file) throws Exception {
        LocalObjectStore store = new LocalObjectStore();
        MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(file));
        return VideoAnalysis.analyze(store, object, new VideoSettings(256, SceneSettings.DEFAULTS, DetectionSettings.OFF, LocalPaths.toUri(dir.resolve("processed"))),
                rows);
    }

    @Test
    void theDemoVideoCutsWhereItWasCut() throws Exception {
        Path video = dir.resolve("cuts.mp4");
        SampleVideo.write(video, 320, 240, DemoSamples.VIDEO_CUTS, 200);
        assertThat(analyze(video).status()).isEqualTo(ObjectStatus.DONE);
        assertThat(scenes).extracting(VideoRows.Scene::startFrame).containsExactly(0L, 50L, 100L, 150L);
        assertThat(scenes.get(3).endFrame()).isEqualTo(200);
        assertThat(summaries.get(0).fps()).isEqualTo(SampleVideo.FPS);
        assertThat(scenes.get(2).startTimeS()).isEqualTo(100.0 / SampleVideo.FPS);
    }

    @Test
    void aVideoTruncatedMidwayKeepsItsFirstPartAndIsPartial() throws Exception {
        Path source = Path.of(System.getProperty("sightline.shared.data", "../../shared/data"), "video", "vtest.avi");
        assumeTrue(Files.exists(source), "shared test data absent");
        byte[] bytes = Files.readAllBytes(source);
        Path truncated = Files.write(dir.resolve("half.avi"), Arrays.copyOf(bytes, bytes.length / 2));
        ObjectOutcome outcome = analyze(truncated);
        assertThat(outcome.status()).isEqualTo(ObjectStatus.PARTIAL);
        assertThat(outcome.errorClass()).isEqualTo(VideoAnalysis.BROKEN_VIDEO);
        assertThat(summaries.get(0).partial()).isTrue();
        assertThat(summaries.get(0).framesDecoded()).isBetween(300L, 500L); // of 795
        assertThat(scenes).isNotEmpty();
    }

    @Test
    void anMp4WithoutItsIndexCannotBeOpened() throws Exception {
        Path video = dir.resolve("cuts.mp4");
        SampleVideo.write(video, 160, 120, List.of(20), 60);
        byte[] bytes = Files.readAllBytes(video);
        Path truncated = Files.write(dir.resolve("cut-short.mp4"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        ObjectOutcome outcome = analyze(truncated);
        assertThat(outcome.status()).isEqualTo(ObjectStatus.FAILED);
        assertThat(outcome.errorClass()).isEqualTo(VideoAnalysis.UNDECODABLE);
    }

    @Test
    void anAudioOnlyMp4HasNoVideoStream() throws Exception {
        Path audio = dir.resolve("voice.mp4");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(audio.toFile(), 1)) {
            recorder.setFormat("mp4");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(16_000);
            recorder.start();
            short[] samples = new short[16_000];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 220 * i / 16_000.0));
            }
            recorder.recordSamples(16_000, 1, ShortBuffer.wrap(samples));
            recorder.stop();
        }
        ObjectOutcome outcome = analyze(audio);
        assertThat(outcome.status()).isEqualTo(ObjectStatus.FAILED);
        assertThat(outcome.errorClass()).isEqualTo(VideoAnalysis.NO_VIDEO_STREAM);
        assertThat(scenes).isEmpty();
    }
}
