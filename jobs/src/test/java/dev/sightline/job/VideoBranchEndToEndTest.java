package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import dev.sightline.ingest.TestCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pedestrians dropped into the inbox → scenes, detections, tracks and summary in Iceberg. */
class VideoBranchEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

    @TempDir
    Path data;

    /** The first seconds of OpenCV's pedestrian sample, as an MP4. */
    private static void pedestrians(Path source, Path target, int frames) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), grabber.getImageWidth(), grabber.getImageHeight(), 0)) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(grabber.getFrameRate());
                recorder.setVideoBitrate(2_000_000);
                recorder.start();
                Frame frame;
                for (int i = 0; i < frames && (frame = grabber.grabImage()) != null; i++) {
                    recorder.record(frame);
                }
                recorder.stop();
            }
        }
    }

    @Test
    void aVideoInTheInboxFillsEveryVideoTable() throws Exception {
        Path vtest = Path.of(System.getProperty("sightline.shared.data", "../../shared/data"), "video", "vtest.avi");
        assumeTrue(Files.exists(vtest), "shared test data absent");
        SightlineConfig config = SightlineConfig.of(Map.of(
                ConfigKeys.DATA_DIR.name(), data.toString(),
                ConfigKeys.CHECKPOINT_INTERVAL.name(), "500ms",
                ConfigKeys.INBOX_SCAN_INTERVAL.name(), "200ms",
                ConfigKeys.VIDEO_DETECTION_FPS.name(), "2"));
        Path inbox = Files.createDirectories(config.get(ConfigKeys.INBOX_PATH));
        Path staged = data.resolve("pedestrians.mp4");
        pedestrians(vtest, staged, 80); // 8 s at 10 fps
        Files.move(staged, inbox.resolve("pedestrians.mp4"));

        JobClient job = TestJob.assembled(config, null, null).executeAsync("video end-to-end");
        try {
            Tables.awaitRows(config, "video_summary", rows -> !rows.isEmpty(), Duration.ofMinutes(3));
        } finally {
            job.cancel().get();
        }
        Record summary = Tables.read(config, "video_summary").get(0);
        assertThat(summary.getField("frames_decoded")).isEqualTo(80L);
        assertThat((Long) summary.getField("tracks")).isPositive();
        List<Record> scenes = Tables.read(config, "video_scenes");
        assertThat(scenes).hasSize(1);
        assertThat(Files.size(dev.sightline.cloud.LocalPaths.toPath((String) scenes.get(0).getField("keyframe_uri")))).isPositive();
        List<Record> detections = Tables.read(config, "video_detections");
        assertThat(detections).isNotEmpty().allSatisfy(r -> assertThat(r.getField("label")).isIn("person", "face", "moving-object"));
        assertThat(detections).anyMatch(r -> "person".equals(r.getField("label")) && r.getField("track_id") != null);
        List<Record> tracks = Tables.read(config, "video_tracks");
        assertThat(tracks).hasSize(((Long) summary.getField("tracks")).intValue());
        assertThat(detections).anyMatch(r -> r.getField("track_id") != null);
        assertThat(Tables.read(config, "media_objects")).singleElement()
                .satisfies(r -> assertThat(r.getField("status")).isEqualTo("done"));
    }
}
