package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sightline.gpu.CudaDevice;
import dev.sightline.gpu.GpuUnavailableException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which analyzer {@code analysis.device} gives, here and on a machine with a GPU. */
class DeviceFrameAnalyzersTest {

    private static VideoSettings on(AnalysisDevice device) {
        return new VideoSettings(256, SceneSettings.DEFAULTS, DetectionSettings.OFF, null, FrameAnalysisSettings.DEFAULTS.on(device));
    }

    @Test
    void cpuIsAlwaysTheCpuAnalyzer() throws Exception {
        try (FrameAnalyzer analyzer = new DeviceFrameAnalyzers(on(AnalysisDevice.CPU)).create(OptionalInt.empty())) {
            assertThat(analyzer).isInstanceOf(CpuFrameAnalyzer.class);
        }
    }

    @Test
    void withoutAGpuAutoFallsBackToTheCpuAndGpuSaysWhatIsMissing() throws Exception {
        assumeTrue(CudaDevice.unavailableReason().isPresent(), "this machine has a usable GPU");
        try (FrameAnalyzer analyzer = new DeviceFrameAnalyzers(on(AnalysisDevice.AUTO)).create(OptionalInt.empty())) {
            assertThat(analyzer).isInstanceOf(CpuFrameAnalyzer.class);
        }
        assertThatThrownBy(() -> new DeviceFrameAnalyzers(on(AnalysisDevice.GPU)).create(OptionalInt.empty()))
                .isInstanceOf(GpuUnavailableException.class)
                .hasMessageContaining("CUDA");
    }

    @Test
    @org.junit.jupiter.api.Tag("gpu")
    void withAGpuAutoUsesIt() throws Exception {
        assumeTrue(CudaDevice.unavailableReason().isEmpty(), () -> "no usable GPU: " + CudaDevice.unavailableReason().get());
        try (FrameAnalyzer analyzer = new DeviceFrameAnalyzers(on(AnalysisDevice.AUTO)).create(OptionalInt.empty())) {
            assertThat(analyzer).isInstanceOf(GpuFrameAnalyzer.class);
        }
    }
}
