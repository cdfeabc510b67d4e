package dev.sightline.config;

import dev.sightline.video.DetectionSettings;
import dev.sightline.video.FrameAnalysisSettings;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.VideoSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds the video analysis settings from the configuration's {@code video.*} keys. */
public final class VideoConfig {

    private VideoConfig() {}

    public static VideoSettings settings(SightlineConfig c) {
        SceneSettings scenes = new SceneSettings(List.of(c.get(ConfigKeys.VIDEO_SCENE_DETECTORS).split(",")),
                c.get(ConfigKeys.VIDEO_SCENE_THRESHOLD), c.get(ConfigKeys.VIDEO_SCENE_MIN_LENGTH),
                c.get(ConfigKeys.VIDEO_ADAPTIVE_THRESHOLD), c.get(ConfigKeys.VIDEO_ADAPTIVE_WINDOW),
                c.get(ConfigKeys.VIDEO_ADAPTIVE_MIN_CONTENT));
        List<String> detectors = List.of(c.get(ConfigKeys.VIDEO_DETECTORS).split(","));
        String model = c.get(ConfigKeys.VIDEO_ONNX_MODEL);
        DetectionSettings.OnnxModel onnx = null;
        if (!model.equals("none")) {
            if (!Files.isRegularFile(Path.of(model))) {
                throw new ConfigException("bad value for 'video.detection.onnx-model': '" + model + "' (no such file; allowed: none or a path to an .onnx file)");
            }
            onnx = new DetectionSettings.OnnxModel(Path.of(model).toAbsolutePath().toString(), c.get(ConfigKeys.VIDEO_ONNX_INPUT),
                    List.of(c.get(ConfigKeys.VIDEO_ONNX_LABELS).split(",")), c.get(ConfigKeys.VIDEO_ONNX_MIN_SCORE),
                    c.get(ConfigKeys.VIDEO_ONNX_NMS));
        }
        DetectionSettings detection = new DetectionSettings(c.get(ConfigKeys.VIDEO_DETECTION_FPS), c.get(ConfigKeys.VIDEO_DETECTION_WIDTH),
                detectors.contains("person"), detectors.contains("face"), c.get(ConfigKeys.VIDEO_DETECTION_MIN_SCORE),
                c.get(ConfigKeys.VIDEO_TRACK_MAX_AGE), c.get(ConfigKeys.VIDEO_TRACK_MIN_HITS), c.get(ConfigKeys.VIDEO_TRACK_MIN_IOU), onnx,
                detectors.contains("moving-object"), c.get(ConfigKeys.VIDEO_FACE_MODEL), c.get(ConfigKeys.VIDEO_TRACK_FILTER));
        if (c.get(ConfigKeys.ANALYSIS_MAX_BACKOFF).compareTo(c.get(ConfigKeys.ANALYSIS_BACKOFF)) < 0) {
            throw new ConfigException("bad value for 'analysis.retry-max-backoff': " + c.get(ConfigKeys.ANALYSIS_MAX_BACKOFF)
                    + " is shorter than analysis.retry-backoff (" + c.get(ConfigKeys.ANALYSIS_BACKOFF) + ")");
        }
        FrameAnalysisSettings analysis = new FrameAnalysisSettings(c.get(ConfigKeys.ANALYSIS_DEVICE), c.get(ConfigKeys.ANALYSIS_BATCH_FRAMES),
                c.get(ConfigKeys.ANALYSIS_IN_FLIGHT), c.get(ConfigKeys.ANALYSIS_THREADS), c.get(ConfigKeys.ANALYSIS_TIMEOUT),
                c.get(ConfigKeys.ANALYSIS_ATTEMPTS), c.get(ConfigKeys.ANALYSIS_BACKOFF), c.get(ConfigKeys.ANALYSIS_MAX_BACKOFF));
        return new VideoSettings(c.get(ConfigKeys.VIDEO_ANALYSIS_WIDTH), scenes, detection, c.get(ConfigKeys.PROCESSED_PATH), analysis);
    }
}
