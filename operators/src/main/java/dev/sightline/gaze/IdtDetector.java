package dev.sightline.gaze;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * I-DT (Salvucci and Goldberg 2000): a window of at least the minimum duration whose dispersion
 * ({@code (max x - min x) + (max y - min y)}, degrees) stays under the threshold is a fixation,
 * grown while it stays under; other samples are saccadic. The reference dispersion detector.
 */
public final class IdtDetector implements EventDetector {
    private static final long serialVersionUID = 1L;

    private final double dispersionDeg;
    private final double minDurationMs;

    public IdtDetector(double dispersionDeg, double minDurationMs) {
        this.dispersionDeg = dispersionDeg;
        this.minDurationMs = minDurationMs;
    }

    @Override
    public String name() {
        return "idt";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dispersion_threshold_deg", dispersionDeg);
        p.put("min_fixation_ms", minDurationMs);
        return p;
    }

    @Override
    public void classify(GazeTrace t, double rateHz) {
        int window = Math.max(2, (int) Math.ceil(minDurationMs * rateHz / 1000));
        int i = 0;
        while (i < t.size) {
            if (!EventDetector.open(t, i)) {
                i++;
                continue;
            }
            int end = i; // exclusive end of a run of open samples of at least `window`
            while (end < t.size && end - i < window && EventDetector.open(t, end)) {
                end++;
            }
            if (end - i < window) {
                for (int k = i; k < end; k++) {
                    t.labels[k] = GazeLabel.SACCADE;
                }
                i = end;
                continue;
            }
            Extent extent = new Extent();
            for (int k = i; k < end; k++) {
                extent.add(t.xDeg[k], t.yDeg[k]);
            }
            if (extent.dispersion() <= dispersionDeg) {
                while (end < t.size && EventDetector.open(t, end) && extent.dispersionWith(t.xDeg[end], t.yDeg[end]) <= dispersionDeg) {
                    extent.add(t.xDeg[end], t.yDeg[end]);
                    end++;
                }
                for (int k = i; k < end; k++) {
                    t.labels[k] = GazeLabel.FIXATION;
                }
                i = end;
            } else {
                t.labels[i] = GazeLabel.SACCADE;
                i++;
            }
        }
    }

    /** The bounding box of a window of positions. */
    private static final class Extent {
        private double minX = Double.POSITIVE_INFINITY;
        private double maxX = Double.NEGATIVE_INFINITY;
        private double minY = Double.POSITIVE_INFINITY;
        private double maxY = Double.NEGATIVE_INFINITY;

        void add(double x, double y) {
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }

        double dispersion() {
            return (maxX - minX) + (maxY - minY);
        }

        double dispersionWith(double x, double y) {
            return (Math.max(maxX, x) - Math.min(minX, x)) + (Math.max(maxY, y) - Math.min(minY, y));
        }
    }
}
