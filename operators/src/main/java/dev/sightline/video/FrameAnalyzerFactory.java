package dev.sightline.video;

import java.io.Serializable;
import java.util.OptionalInt;

/** Makes the {@link FrameAnalyzer}s of one task, on the device the settings and the TaskManager allow. */
@FunctionalInterface
public interface FrameAnalyzerFactory extends Serializable {

    /**
     * A new analyzer for one analysis thread.
     *
     * @param assignedGpu the GPU index Flink assigned to this TaskManager (external resource
     *     {@code gpu}), or empty when none is configured
     */
    FrameAnalyzer create(OptionalInt assignedGpu) throws Exception;
}
