package dev.sightline.gaze;

import java.io.Serializable;

/**
 * Merges two fixations separated by a short non-fixation stretch (a micro-saccade or a burst of
 * noise, never a blink) when they look at the same place, as Tobii's I-VT filter does.
 *
 * @param maxGapMs longest stretch between them; 0 disables merging
 * @param maxAngleDeg largest angle between their mean positions
 */
public record FixationMerger(double maxGapMs, double maxAngleDeg) implements Serializable {

    public static final FixationMerger OFF = new FixationMerger(0, 0);

    /** Relabels merged stretches of {@code t} as fixation. */
    void merge(GazeTrace t, ScreenGeometry geometry, double rateHz) {
        if (maxGapMs <= 0) {
            return;
        }
        int maxGap = (int) Math.floor(maxGapMs * rateHz / 1000);
        int i = 0;
        int previousStart = -1;
        int previousEnd = -1; // exclusive
        while (i < t.size) {
            if (t.labels[i] != GazeLabel.FIXATION) {
                i++;
                continue;
            }
            int start = i;
            while (i < t.size && t.labels[i] == GazeLabel.FIXATION) {
                i++;
            }
            if (previousEnd >= 0 && start - previousEnd <= maxGap && noBlink(t, previousEnd, start)
                    && geometry.angleDeg(meanX(t, previousStart, previousEnd), meanY(t, previousStart, previousEnd),
                            meanX(t, start, i), meanY(t, start, i)) <= maxAngleDeg) {
                for (int k = previousEnd; k < start; k++) {
                    t.labels[k] = GazeLabel.FIXATION;
                }
                start = previousStart;
            }
            previousStart = start;
            previousEnd = i;
        }
    }

    private static boolean noBlink(GazeTrace t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (t.labels[k] == GazeLabel.BLINK || !(t.valid[k] || t.interpolated[k])) {
                return false;
            }
        }
        return true;
    }

    private static double meanX(GazeTrace t, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += t.xPx[k];
        }
        return sum / (to - from);
    }

    private static double meanY(GazeTrace t, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += t.yPx[k];
        }
        return sum / (to - from);
    }
}
