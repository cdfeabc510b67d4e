package dev.sightline.config;

import dev.sightline.video.DetectionSettings;
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
                c.get(ConfigKeys.VIDEO_TRACK_MAX_AGE), c.get(ConfigKeys.VIDEO_TRACK_MIN_HITS), c.get(ConfigKeys.VIDEO_TRACK_MIN_IOU), onnx);
        return new VideoSettings(c.get(ConfigKeys.VIDEO_ANALYSIS_WIDTH), scenes, detection, c.get(ConfigKeys.PROCESSED_PATH));
    }
}
