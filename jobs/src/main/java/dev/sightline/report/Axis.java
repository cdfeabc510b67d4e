package dev.sightline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear or logarithmic mapping of data values onto a span of pixels, with readable ticks. */
record Axis(double min, double max, double from, double to, boolean log) {

    Axis {
        if (log) {
            min = Math.max(min, 1e-9);
            max = Math.max(max, min * 10);
        } else if (!(max > min)) {
            max = min + 1;
        }
    }

    static Axis linear(double min, double max, double from, double to) {
        return new Axis(min, max, from, to, false);
    }

    static Axis logarithmic(double min, double max, double from, double to) {
        return new Axis(min, max, from, to, true);
    }

    /** The pixel position of {@code value}, clamped to the span. */
    double at(double value) {
        double share = log ? (Math.log10(Math.max(value, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (value - min) / (max - min);
        share = Math.max(0, Math.min(1, share));
        return from + share * (to - from);
    }

    /** Tick values: 1-2-5 steps for linear axes (about {@code count} of them), decades for log axes. */
    List<Double> ticks(int count) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double t = Math.pow(10, Math.floor(Math.log10(min))); t <= max * 1.0001; t *= 10) {
                if (t >= min * 0.9999) {
                    ticks.add(t);
                }
            }
            return ticks;
        }
        double raw = (max - min) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude : raw / magnitude < 7.5 ? 5 * magnitude
                : 10 * magnitude;
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-6; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    /** A tick's label: no needless decimals. */
    static String label(double value) {
        if (Math.abs(value - Math.rint(value)) < 1e-9) {
            return String.format(Locale.ROOT, "%d", (long) Math.rint(value));
        }
        return String.format(Locale.ROOT, Math.abs(value) < 1 ? "%.2f" : "%.1f", value);
    }
}
