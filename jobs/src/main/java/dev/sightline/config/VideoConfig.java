package dev.sightline.config;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.VideoSettings;
import java.util.List;

/** Builds the video analysis settings from the configuration's {@code video.*} keys. */
public final class VideoConfig {

    private VideoConfig() {}

    public static VideoSettings settings(SightlineConfig c) {
        SceneSettings scenes = new SceneSettings(List.of(c.get(ConfigKeys.VIDEO_SCENE_DETECTORS).split(",")),
                c.get(ConfigKeys.VIDEO_SCENE_THRESHOLD), c.get(ConfigKeys.VIDEO_SCENE_MIN_LENGTH),
                c.get(ConfigKeys.VIDEO_ADAPTIVE_THRESHOLD), c.get(ConfigKeys.VIDEO_ADAPTIVE_WINDOW),
                c.get(ConfigKeys.VIDEO_ADAPTIVE_MIN_CONTENT));
        return new VideoSettings(c.get(ConfigKeys.VIDEO_ANALYSIS_WIDTH), scenes, LocalPaths.toUri(c.get(ConfigKeys.PROCESSED_PATH)));
    }
}
