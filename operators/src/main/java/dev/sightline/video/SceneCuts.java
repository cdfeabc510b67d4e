package dev.sightline.video;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decides scene cuts from per-frame content scores, as PySceneDetect's ContentDetector (a score
 * over the threshold cuts) or AdaptiveDetector (a score well above its neighbours' mean cuts, so
 * fast motion does not). Cuts closer than the minimum scene length to the previous cut are dropped.
 */
public final class SceneCuts {

    /** A confirmed cut: the first frame of the new scene and its score. */
    public record Cut(long frame, double score) {}

    private final String detector;
    private final SceneSettings settings;
    private final Deque<double[]> window = new ArrayDeque<>(); // {frame, score}
    private long lastCut;

    public SceneCuts(String detector, SceneSettings settings) {
        this.detector = detector;
        this.settings = settings;
        this.lastCut = 0; // the first frame starts the first scene
    }

    public String detector() {
        return detector;
    }

    /** Frames a cut is confirmed after the frame it starts at (look-ahead). */
    public int delay() {
        return detector.equals("adaptive") ? settings.adaptiveWindow() : 0;
    }

    /** Takes the score of {@code frame} (NaN for the first); returns a cut confirmed now, or null. */
    public Cut next(long frame, double score) {
        if (detector.equals("content")) {
            if (score >= settings.threshold() && frame - lastCut >= settings.minSceneFrames()) {
                lastCut = frame;
                return new Cut(frame, score);
            }
            return null;
        }
        window.addLast(new double[] {frame, Double.isNaN(score) ? 0 : score});
        int w = settings.adaptiveWindow();
        if (window.size() < 2 * w + 1) {
            return null;
        }
        double[][] frames = window.toArray(new double[0][]);
        double[] centre = frames[w];
        double sum = 0;
        for (int i = 0; i < frames.length; i++) {
            if (i != w) {
                sum += frames[i][1];
            }
        }
        double mean = sum / (2 * w);
        window.removeFirst();
        double ratio = mean > 1e-5 ? centre[1] / mean : (centre[1] >= settings.adaptiveMinContent() ? 255 : 0);
        long at = (long) centre[0];
        if (ratio >= settings.adaptiveThreshold() && centre[1] >= settings.adaptiveMinContent()
                && at - lastCut >= settings.minSceneFrames()) {
            lastCut = at;
            return new Cut(at, centre[1]);
        }
        return null;
    }
}
