package dev.sightline.gaze;

/**
 * Savitzky-Golay smoothing and first-derivative filters (polynomial order 2) over uniformly
 * sampled signals; a window with a missing (NaN) sample yields NaN.
 */
public final class SavitzkyGolay {

    private final int half;
    private final double[] smooth;
    private final double[] derivative;

    /** @param windowSamples odd window length, at least 3 */
    public SavitzkyGolay(int windowSamples) {
        if (windowSamples < 3 || windowSamples % 2 == 0) {
            throw new IllegalArgumentException("window must be odd and at least 3, got " + windowSamples);
        }
        half = windowSamples / 2;
        int m = half;
        smooth = new double[windowSamples];
        derivative = new double[windowSamples];
        // Closed forms for a quadratic fit over -m..m.
        double norm = (2.0 * m + 3) * (2.0 * m + 1) * (2.0 * m - 1) / 3.0;
        double derivativeNorm = m * (m + 1) * (2.0 * m + 1) / 3.0;
        for (int k = -m; k <= m; k++) {
            smooth[k + m] = (3.0 * m * m + 3 * m - 1 - 5.0 * k * k) / norm;
            derivative[k + m] = k / derivativeNorm;
        }
    }

    /** The odd window length in samples closest to {@code windowSeconds} at {@code rateHz} (at least 3). */
    public static int windowSamples(double windowSeconds, double rateHz) {
        int n = (int) Math.round(windowSeconds * rateHz);
        if (n % 2 == 0) {
            n++;
        }
        return Math.max(3, n);
    }

    public int halfWindow() {
        return half;
    }

    /** Smoothed value at {@code i}; NaN near the edges of {@code [from, to)} or with a NaN in the window. */
    public double smooth(double[] signal, int i, int from, int to) {
        return apply(smooth, signal, i, from, to);
    }

    /** First derivative per sample at {@code i} (multiply by the rate for per second). */
    public double derivative(double[] signal, int i, int from, int to) {
        return apply(derivative, signal, i, from, to);
    }

    private double apply(double[] kernel, double[] signal, int i, int from, int to) {
        if (i - half < from || i + half >= to) {
            return Double.NaN;
        }
        double sum = 0;
        int base = i - half;
        for (int k = 0; k < kernel.length; k++) {
            sum += kernel[k] * signal[base + k];
        }
        return sum; // NaN propagates
    }
}
