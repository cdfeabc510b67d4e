package dev.sightline.config;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.S3Location;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The value parsers configuration keys are built from: durations, ranges, paths, choices. */
final class Values {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)");

    private Values() {}

    /** Durations like {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 30d} or ISO-8601 {@code PT10S}. */
    static ValueParser<Duration> duration(Duration min, Duration max) {
        return text -> {
            Duration value = parseDuration(text);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        };
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration");
        }
    }

    static ValueParser<Integer> integer(int min, int max) {
        return text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        };
    }

    /** A port, {@code 0} for any free one, or {@code off} (-1). */
    static ValueParser<Integer> portOrOff() {
        ValueParser<Integer> port = integer(0, 65535);
        return text -> text.equalsIgnoreCase("off") ? -1 : port.parse(text);
    }

    static ValueParser<Double> number(double min, double max) {
        return text -> {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number");
            }
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        };
    }

    /** A local path (made an absolute {@code file:} URI) or an {@code s3://bucket/prefix} URI. */
    static ValueParser<String> location() {
        return text -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty location");
            }
            if (S3Location.isS3(text)) {
                S3Location.parse(text);
                return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            }
            if (text.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") && !text.startsWith("file:")) {
                throw new IllegalArgumentException("only local paths and s3:// URIs are supported");
            }
            return LocalPaths.toUri(text.startsWith("file:") ? LocalPaths.toPath(text) : Path.of(text));
        };
    }

    /**
     * A prefix of object URIs: like {@link #location()}, but keeping a trailing {@code /}, since
     * prefixes are meant literally ({@code s3://b/study-4} also covers {@code study-42/}).
     */
    static ValueParser<String> prefix() {
        return text -> {
            if (text.isEmpty()) {
                return "";
            }
            String parsed = location().parse(text);
            return text.endsWith("/") && !parsed.endsWith("/") ? parsed + "/" : parsed;
        };
    }

    static ValueParser<Path> path() {
        return text -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty path");
            }
            return Path.of(text);
        };
    }

    static ValueParser<Boolean> flag() {
        return text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    /** An absolute http or https URL with a host, or empty (off). */
    static ValueParser<String> httpUrlOrEmpty() {
        return text -> {
            if (text.isEmpty()) {
                return "";
            }
            java.net.URI uri;
            try {
                uri = new java.net.URI(text);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + e.getReason());
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http:// or https:// URL with a host");
            }
            return text;
        };
    }

    static ValueParser<String> nonEmpty(Pattern allowed) {
        return text -> {
            if (!allowed.matcher(text).matches()) {
                throw new IllegalArgumentException("not of the allowed form");
            }
            return text;
        };
    }

    static <E extends Enum<E>> ValueParser<E> choice(Class<E> type) {
        return text -> {
            for (E constant : type.getEnumConstants()) {
                if (label(constant).equals(text.toLowerCase(Locale.ROOT))) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("unknown choice");
        };
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Values::label).collect(Collectors.joining(" | "));
    }

    static String label(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
