package dev.sightline.video;

import java.io.Serializable;
import java.util.List;

/**
 * Scene detection parameters; the defaults are PySceneDetect's.
 *
 * @param detectors which detectors write scenes: "content" and/or "adaptive"
 * @param threshold content detector: score at or above which a frame starts a new scene (27)
 * @param minSceneFrames no cut closer than this to the previous one (15)
 * @param adaptiveThreshold adaptive detector: score over the mean of its neighbours (3.0)
 * @param adaptiveWindow adaptive detector: neighbours on each side (2)
 * @param adaptiveMinContent adaptive detector: lowest score that may cut (15)
 */
public record SceneSettings(
        List<String> detectors, double threshold, int minSceneFrames, double adaptiveThreshold, int adaptiveWindow,
        double adaptiveMinContent) implements Serializable {

    public static final SceneSettings DEFAULTS = new SceneSettings(List.of("content"), 27, 15, 3.0, 2, 15);

    public SceneSettings {
        detectors = List.copyOf(detectors);
        for (String d : detectors) {
            if (!d.equals("content") && !d.equals("adaptive")) {
                throw new IllegalArgumentException("unknown scene detector '" + d + "' (content, adaptive)");
            }
        }
    }

    /** The lowest score at which any of the detectors may cut. */
    public double lowestCutScore() {
        double lowest = Double.POSITIVE_INFINITY;
        for (String d : detectors) {
            lowest = Math.min(lowest, d.equals("content") ? threshold : adaptiveMinContent);
        }
        return lowest;
    }
}
