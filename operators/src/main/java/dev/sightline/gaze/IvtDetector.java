package dev.sightline.gaze;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * I-VT (Salvucci and Goldberg 2000): a sample faster than a fixed velocity threshold is saccadic,
 * any other is fixational. The reference detector; no PSO.
 */
public final class IvtDetector implements EventDetector {
    private static final long serialVersionUID = 1L;

    private final double thresholdDegPerS;
    private final double minFixationMs;

    public IvtDetector(double thresholdDegPerS, double minFixationMs) {
        this.thresholdDegPerS = thresholdDegPerS;
        this.minFixationMs = minFixationMs;
    }

    @Override
    public String name() {
        return "ivt";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("velocity_threshold_deg_s", thresholdDegPerS);
        p.put("min_fixation_ms", minFixationMs);
        return p;
    }

    @Override
    public void classify(GazeTrace t, double rateHz) {
        for (int i = 0; i < t.size; i++) {
            if (!EventDetector.open(t, i) || Double.isNaN(t.velocity[i])) {
                continue;
            }
            t.labels[i] = t.velocity[i] > thresholdDegPerS ? GazeLabel.SACCADE : GazeLabel.FIXATION;
        }
        EventDetector.dropShortFixations(t, (int) Math.ceil(minFixationMs * rateHz / 1000));
    }
}
