package dev.sightline.video;

import java.io.Serializable;

/**
 * Video analysis parameters.
 *
 * @param analysisWidth frames are downscaled to this width for analysis (256, as PySceneDetect)
 * @param scenes scene detection parameters
 * @param detection person and face detection and tracking parameters
 * @param processedUri where keyframe thumbnails are written ({@code file:///...} or {@code s3://...})
 */
public record VideoSettings(int analysisWidth, SceneSettings scenes, DetectionSettings detection, String processedUri)
        implements Serializable {

    public VideoSettings {
        if (analysisWidth < 16) {
            throw new IllegalArgumentException("analysis width must be at least 16 px, got " + analysisWidth);
        }
    }
}
