package dev.sightline.video;

import java.io.Serializable;

/**
 * Video analysis parameters.
 *
 * @param analysisWidth frames are downscaled to this width for analysis (256, as PySceneDetect)
 * @param scenes scene detection parameters
 * @param detection person and face detection and tracking parameters
 * @param processedUri where keyframe thumbnails are written ({@code file:///...} or {@code s3://...})
 * @param analysis batching, device and async behaviour of the frame analysis
 */
public record VideoSettings(int analysisWidth, SceneSettings scenes, DetectionSettings detection, String processedUri,
        FrameAnalysisSettings analysis) implements Serializable {

    public VideoSettings {
        if (analysisWidth < 16) {
            throw new IllegalArgumentException("analysis width must be at least 16 px, got " + analysisWidth);
        }
    }

    /** Settings with the default frame analysis (batches of 16, device auto). */
    public VideoSettings(int analysisWidth, SceneSettings scenes, DetectionSettings detection, String processedUri) {
        this(analysisWidth, scenes, detection, processedUri, FrameAnalysisSettings.DEFAULTS);
    }
}
