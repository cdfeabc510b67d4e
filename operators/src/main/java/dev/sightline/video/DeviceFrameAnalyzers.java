package dev.sightline.video;

import dev.sightline.gpu.CudaDevice;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzers {@code analysis.device} asks for: {@code cpu}; {@code gpu} (fails clearly when
 * there is no usable GPU or the jar has no kernels); {@code auto}: the GPU Flink assigned to the
 * TaskManager when GPUs are configured as an external resource, else the first GPU when the
 * driver finds one and the kernels were built, else the CPU.
 */
public final class DeviceFrameAnalyzers implements FrameAnalyzerFactory {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceFrameAnalyzers.class);

    private final VideoSettings settings;

    public DeviceFrameAnalyzers(VideoSettings settings) {
        this.settings = settings;
    }

    @Override
    public FrameAnalyzer create(OptionalInt assignedGpu) {
        DetectionSettings detection = settings.detection();
        return switch (settings.analysis().device()) {
            case CPU -> new CpuFrameAnalyzer(detection);
            case GPU -> GpuFrameAnalyzer.open(assignedGpu.orElse(0), detection);
            case AUTO -> {
                Optional<String> missing = assignedGpu.isPresent() ? Optional.empty() : gpuMissing();
                if (missing.isEmpty()) {
                    yield GpuFrameAnalyzer.open(assignedGpu.orElse(0), detection);
                }
                LOG.info("Analysing frames on the CPU: {}", missing.get());
                yield new CpuFrameAnalyzer(detection);
            }
        };
    }

    /** Why frames cannot be analysed on a GPU here, or empty when they can. */
    public static Optional<String> gpuMissing() {
        Optional<String> device = CudaDevice.unavailableReason();
        if (device.isPresent()) {
            return device;
        }
        return CudaDevice.kernelsBuilt() ? Optional.empty()
                : Optional.of("this build has no GPU kernels (nvcc was not on the PATH when it was built)");
    }
}
