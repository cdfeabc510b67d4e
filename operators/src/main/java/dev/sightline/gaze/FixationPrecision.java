package dev.sightline.gaze;

import java.util.Arrays;

/**
 * A recording's spatial precision as eye-tracking data-quality reports give it (Holmqvist et al.
 * 2012; pymovements' {@code rms_s2s} and {@code bcea}): per fixation, the root mean square of the
 * distances between successive valid samples (RMS-S2S) and the bivariate contour ellipse area that
 * holds 68% of its samples (BCEA); per recording, the median of each over the fixations with at
 * least three valid samples. In degrees of visual angle (BCEA in square degrees).
 */
final class FixationPrecision {

    /** The share of samples the BCEA ellipse holds, and its k = -ln(1 - P). */
    static final double BCEA_PROPORTION = 0.68;
    private static final double BCEA_K = -Math.log(1 - BCEA_PROPORTION);

    private double[] rms = new double[64];
    private double[] bcea = new double[64];
    private int count;

    /** Adds one fixation's samples {@code from} (inclusive) to {@code to} (exclusive); NaN samples are skipped. */
    void fixation(double[] xDeg, double[] yDeg, int from, int to) {
        int n = 0;
        double sumSquaredSteps = 0;
        int steps = 0;
        double previousX = Double.NaN;
        double previousY = Double.NaN;
        double sx = 0;
        double sy = 0;
        for (int k = from; k < to; k++) {
            double x = xDeg[k];
            double y = yDeg[k];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                previousX = Double.NaN; // a gap: no step across it
                continue;
            }
            if (!Double.isNaN(previousX)) {
                sumSquaredSteps += (x - previousX) * (x - previousX) + (y - previousY) * (y - previousY);
                steps++;
            }
            previousX = x;
            previousY = y;
            sx += x;
            sy += y;
            n++;
        }
        if (n < 3 || steps == 0) {
            return;
        }
        double mx = sx / n;
        double my = sy / n;
        double vxx = 0;
        double vyy = 0;
        double vxy = 0;
        for (int k = from; k < to; k++) {
            double x = xDeg[k];
            double y = yDeg[k];
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                vxx += (x - mx) * (x - mx);
                vyy += (y - my) * (y - my);
                vxy += (x - mx) * (y - my);
            }
        }
        double sdX = Math.sqrt(vxx / (n - 1));
        double sdY = Math.sqrt(vyy / (n - 1));
        double rho = sdX == 0 || sdY == 0 ? 0 : (vxy / (n - 1)) / (sdX * sdY);
        if (count == rms.length) {
            rms = Arrays.copyOf(rms, count * 2);
            bcea = Arrays.copyOf(bcea, count * 2);
        }
        rms[count] = Math.sqrt(sumSquaredSteps / steps);
        bcea[count++] = 2 * Math.PI * BCEA_K * sdX * sdY * Math.sqrt(Math.max(0, 1 - rho * rho));
    }

    /** Median RMS-S2S over the fixations, degrees; NaN without any. */
    double rmsS2sDeg() {
        return median(rms);
    }

    /** Median BCEA (68%) over the fixations, square degrees; NaN without any. */
    double bceaDeg2() {
        return median(bcea);
    }

    private double median(double[] values) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }
}
