package dev.sightline.gaze.format;

import java.util.Locale;

/** Units of a timestamp column, and how they are told from a header or from the data. */
enum TimeUnit {
    NANOSECONDS(0.001),
    MICROSECONDS(1),
    MILLISECONDS(1000),
    SECONDS(1_000_000);

    final double toMicros;

    TimeUnit(double toMicros) {
        this.toMicros = toMicros;
    }

    /** The unit a configuration value names; null for auto. */
    static TimeUnit parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "ns" -> NANOSECONDS;
            case "us", "µs", "μs" -> MICROSECONDS;
            case "ms" -> MILLISECONDS;
            case "s" -> SECONDS;
            default -> throw new IllegalArgumentException("unknown time unit '" + text + "' (auto, ns, us, ms or s)");
        };
    }

    /** The unit a column name states (suffix {@code _us}, brackets {@code [ms]}), or null. */
    static TimeUnit fromName(String name) throws UnknownUnit {
        String n = name.toLowerCase(Locale.ROOT);
        int open = n.indexOf('[');
        if (open >= 0 && n.indexOf(']', open) > open) {
            String unit = n.substring(open + 1, n.indexOf(']', open)).trim();
            return switch (unit) {
                case "ns" -> NANOSECONDS;
                case "us", "µs", "μs" -> MICROSECONDS;
                case "ms" -> MILLISECONDS;
                case "s", "sec" -> SECONDS;
                default -> throw new UnknownUnit(unit);
            };
        }
        if (n.endsWith("_ns")) {
            return NANOSECONDS;
        }
        if (n.endsWith("_us") || n.endsWith("_usec")) {
            return MICROSECONDS;
        }
        if (n.endsWith("_ms") || n.endsWith("_msec")) {
            return MILLISECONDS;
        }
        if (n.endsWith("_s") || n.endsWith("_sec") || n.equals("gaze_timestamp")) {
            return SECONDS;
        }
        return null;
    }

    /** Guesses the unit from the typical step between consecutive timestamps (1 Hz to 10 kHz). */
    static TimeUnit fromStep(double medianStep) {
        if (medianStep >= 100_000) {
            return NANOSECONDS;
        }
        if (medianStep >= 90) {
            return MICROSECONDS;
        }
        if (medianStep >= 0.09) {
            return MILLISECONDS;
        }
        return SECONDS;
    }

    /** A unit in a header that Sightline does not know. */
    static final class UnknownUnit extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownUnit(String unit) {
            super(unit);
        }
    }
}
