package dev.sightline.gaze;

/**
 * Tells smooth pursuit from fixation in the samples between saccades, in the manner of REMoDNaV
 * (Dar, Wagner and Hanke 2021): each stretch of unlabelled samples is low-pass filtered (a
 * second-order Butterworth filter run forwards and backwards, so without phase lag) to keep only
 * the smooth movement of the eye, and where the filtered gaze moves faster than a threshold the
 * samples are pursuit, elsewhere fixation. Pursuits shorter than a minimum become fixation.
 */
final class PursuitSeparation {

    /**
     * @param velocityDegPerS filtered speed above which the eye pursues
     * @param cutoffHz the low-pass filter's cut-off
     * @param minPursuitMs shorter pursuits are fixation
     */
    record Settings(double velocityDegPerS, double cutoffHz, double minPursuitMs) implements java.io.Serializable {}

    private final Settings settings;
    private final double rateHz;
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    /** Reused between stretches: padded signal, filtered x and y. */
    private double[] padded = new double[0];
    private double[] fx = new double[0];
    private double[] fy = new double[0];

    PursuitSeparation(Settings settings, double rateHz) {
        this.settings = settings;
        this.rateHz = rateHz;
        // Second-order Butterworth low-pass by the bilinear transform with pre-warping.
        double k = Math.tan(Math.PI * Math.min(settings.cutoffHz(), 0.45 * rateHz) / rateHz);
        double norm = 1 / (1 + Math.sqrt(2) * k + k * k);
        b0 = k * k * norm;
        b1 = 2 * b0;
        b2 = b0;
        a1 = 2 * (k * k - 1) * norm;
        a2 = (1 - Math.sqrt(2) * k + k * k) * norm;
    }

    /** Labels every open sample of {@code t} that has a velocity as fixation or pursuit. */
    void label(GazeTrace t) {
        int n = t.size;
        int i = 0;
        while (i < n) {
            if (!candidate(t, i)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && candidate(t, i)) {
                i++;
            }
            segment(t, start, i);
        }
    }

    private static boolean candidate(GazeTrace t, int i) {
        return EventDetector.open(t, i) && !Double.isNaN(t.velocity[i]) && !Double.isNaN(t.xDeg[i]) && !Double.isNaN(t.yDeg[i]);
    }

    /** One stretch between saccades, blinks or gaps: {@code [from, to)}. */
    private void segment(GazeTrace t, int from, int to) {
        int len = to - from;
        if (fx.length < len) {
            fx = new double[len];
            fy = new double[len];
        }
        double[] x = filtered(t.xDeg, from, len, fx);
        double[] y = filtered(t.yDeg, from, len, fy);
        for (int k = 0; k < len; k++) {
            int a = Math.max(0, k - 1);
            int b = Math.min(len - 1, k + 1);
            double speed = b == a ? 0 : Math.hypot(x[b] - x[a], y[b] - y[a]) * rateHz / (b - a);
            t.labels[from + k] = speed > settings.velocityDegPerS() ? GazeLabel.PURSUIT : GazeLabel.FIXATION;
        }
        int minPursuit = (int) Math.ceil(settings.minPursuitMs() * rateHz / 1000);
        int k = from;
        while (k < to) {
            if (t.labels[k] != GazeLabel.PURSUIT) {
                k++;
                continue;
            }
            int start = k;
            while (k < to && t.labels[k] == GazeLabel.PURSUIT) {
                k++;
            }
            if (k - start < minPursuit) {
                for (int m = start; m < k; m++) {
                    t.labels[m] = GazeLabel.FIXATION;
                }
            }
        }
    }

    /** The samples {@code [from, from + len)} of {@code signal}, low-pass filtered without phase lag (ends padded by reflection). */
    private double[] filtered(double[] signal, int from, int len, double[] out) {
        int pad = Math.min(len - 1, (int) Math.ceil(3 * rateHz / Math.max(settings.cutoffHz(), 0.1)));
        int total = len + 2 * pad;
        if (padded.length < total) {
            padded = new double[Math.max(total, padded.length * 2)];
        }
        double first = signal[from];
        double last = signal[from + len - 1];
        for (int k = 0; k < pad; k++) {
            padded[k] = 2 * first - signal[from + pad - k];
            padded[pad + len + k] = 2 * last - signal[from + len - 2 - k];
        }
        System.arraycopy(signal, from, padded, pad, len);
        pass(padded, total, false);
        pass(padded, total, true);
        System.arraycopy(padded, pad, out, 0, len);
        return out;
    }

    private void pass(double[] s, int n, boolean backwards) {
        if (n == 0) {
            return;
        }
        double x1 = s[backwards ? n - 1 : 0];
        double x2 = x1;
        double y1 = x1;
        double y2 = x1;
        for (int j = 0; j < n; j++) {
            int idx = backwards ? n - 1 - j : j;
            double x0 = s[idx];
            double y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x0;
            y2 = y1;
            y1 = y0;
            s[idx] = y0;
        }
    }
}
