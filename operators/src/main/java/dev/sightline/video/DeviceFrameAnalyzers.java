package dev.sightline.video;

import dev.sightline.gpu.GpuUnavailableException;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzers {@code analysis.device} asks for: {@code cpu}; {@code gpu} (fails clearly when
 * there is no usable GPU or the jar has no kernels); {@code auto}: the GPU Flink assigned to the
 * TaskManager when GPUs are configured as an external resource, else the first GPU when it opens
 * with its kernels, else the CPU.
 */
public final class DeviceFrameAnalyzers implements FrameAnalyzerFactory {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceFrameAnalyzers.class);

    private final VideoSettings settings;
    /** Whether this task already said why it analyses on the CPU (once per task, not per analyzer). */
    private transient boolean fallbackLogged;

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
                if (assignedGpu.isPresent()) {
                    yield GpuFrameAnalyzer.open(assignedGpu.getAsInt(), detection);
                }
                try {
                    yield GpuFrameAnalyzer.open(0, detection);
                } catch (GpuUnavailableException e) {
                    if (!fallbackLogged) {
                        LOG.info("Analysing frames on the CPU: {}", e.getMessage());
                        fallbackLogged = true;
                    }
                    yield new CpuFrameAnalyzer(detection);
                }
            }
        };
    }
}
