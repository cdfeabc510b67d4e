package dev.sightline.gaze;

import java.util.Arrays;

/** Collects the per-event numbers a recording's metrics need; grows with events, not samples. */
final class EventAccumulator {
    private double[] fixationDurations = new double[64];
    private int fixations;
    private double[] amplitudes = new double[64];
    private double[] peakVelocities = new double[64];
    private int saccades;
    long psos;
    long blinks;

    void fixation(double durationMs) {
        if (fixations == fixationDurations.length) {
            fixationDurations = Arrays.copyOf(fixationDurations, fixations * 2);
        }
        fixationDurations[fixations++] = durationMs;
    }

    void saccade(double amplitudeDeg, double peakVelocity) {
        if (saccades == amplitudes.length) {
            amplitudes = Arrays.copyOf(amplitudes, saccades * 2);
            peakVelocities = Arrays.copyOf(peakVelocities, saccades * 2);
        }
        amplitudes[saccades] = amplitudeDeg;
        peakVelocities[saccades++] = peakVelocity;
    }

    long fixationCount() {
        return fixations;
    }

    long saccadeCount() {
        return saccades;
    }

    double fixationMean() {
        return mean(fixationDurations, fixations);
    }

    double fixationMedian() {
        if (fixations == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(fixationDurations, fixations);
        Arrays.sort(sorted);
        return fixations % 2 == 1 ? sorted[fixations / 2] : (sorted[fixations / 2 - 1] + sorted[fixations / 2]) / 2;
    }

    double amplitudeMean() {
        return mean(amplitudes, saccades);
    }

    double peakVelocityMean() {
        return mean(peakVelocities, saccades);
    }

    /**
     * The main sequence {@code peak velocity = coefficient * amplitude ^ exponent}, fitted by least
     * squares in log-log space over saccades of 0.5 to 30 degrees; NaN with fewer than 3 such.
     */
    double[] mainSequence() {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < saccades; i++) {
            if (amplitudes[i] >= 0.5 && amplitudes[i] <= 30 && peakVelocities[i] > 0) {
                double x = Math.log(amplitudes[i]);
                double y = Math.log(peakVelocities[i]);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                n++;
            }
        }
        double denominator = n * sxx - sx * sx;
        if (n < 3 || denominator == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double exponent = (n * sxy - sx * sy) / denominator;
        double intercept = (sy - exponent * sx) / n;
        return new double[] {Math.exp(intercept), exponent};
    }

    private static double mean(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return sum / n;
    }
}
