package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.gpu.CudaDevice;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.SharedData;
import dev.sightline.sink.CollectedRows;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GPU and CPU analyzers write the same rows: identical scenes (the content score is integer
 * work, bit-identical) and people boxes that overlap at IoU 0.9 or more. Needs a GPU, the kernels
 * and the whole operators classpath (a GPU machine with a full build).
 */
@Tag("gpu")
class GpuCpuSameRowsTest {

    private static final DetectionSettings PEOPLE = new DetectionSettings(2, 1152, true, false, 0.3, 3, 3, 0.3);

    private static CollectedRows rows(MediaObject video, FrameAnalyzer analyzer) {
        CollectedRows rows = new CollectedRows();
        VideoAnalysis.analyze(new LocalObjectStore(), video, new VideoSettings(256, SceneSettings.DEFAULTS, PEOPLE, null), analyzer, rows);
        return rows;
    }

    @Test
    void scenesAreIdenticalAndPeopleBoxesOverlap() throws Exception {
        assumeTrue(CudaDevice.unavailableReason().isEmpty(), () -> "no usable GPU: " + CudaDevice.unavailableReason().get());
        Path file = SharedData.file("video/vtest.avi");
        MediaObject video = new ObjectInspector(new LocalObjectStore()).inspect(LocalPaths.toUri(file));
        CollectedRows cpu;
        CollectedRows gpu;
        try (FrameAnalyzer analyzer = new CpuFrameAnalyzer(PEOPLE)) {
            cpu = rows(video, analyzer);
        }
        try (FrameAnalyzer analyzer = GpuFrameAnalyzer.open(0, PEOPLE)) {
            gpu = rows(video, analyzer);
        }
        assertThat(gpu.of(VideoTables.SCENES)).isEqualTo(cpu.of(VideoTables.SCENES));
        List<VideoRows.Detection> cpuPeople = cpu.of(VideoTables.DETECTIONS);
        assertThat(gpu.of(VideoTables.DETECTIONS)).hasSameSizeAs(cpuPeople);
        for (VideoRows.Detection d : cpuPeople) {
            assertThat(gpu.of(VideoTables.DETECTIONS)).as("a GPU box for " + d).anySatisfy(g -> {
                assertThat(g.frame()).isEqualTo(d.frame());
                assertThat(iou(g, d)).isGreaterThanOrEqualTo(0.9);
            });
        }
    }

    private static double iou(VideoRows.Detection a, VideoRows.Detection b) {
        return new Box(a.x(), a.y(), a.width(), a.height()).iou(new Box(b.x(), b.y(), b.width(), b.height()));
    }
}
