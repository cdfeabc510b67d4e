package dev.sightline.gaze.format;

import dev.sightline.gaze.format.DelimitedGazeReader.PositionUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the columns of a delimited gaze table are, found from its header and the configured
 * mapping. Indexes are -1 for absent columns.
 */
record TableLayout(
        byte delimiter,
        int time,
        TimeUnit timeUnit,
        int x,
        int y,
        int xRight,
        int yRight,
        int pupil,
        int validity,
        int validityRight,
        boolean validityIsConfidence,
        PositionUnit positionUnit,
        boolean normalizedOriginBottom,
        int participant,
        int recording,
        int sensor,
        String eyes,
        int media,
        int mediaX,
        int mediaY,
        int mediaWidth,
        int mediaHeight,
        int worldIndex) {

    private static final List<String> TIME_NAMES = List.of("t_us", "time_us", "timestamp_us", "time_ms", "timestamp_ms",
            "recording timestamp", "gaze_timestamp", "timestamp", "time", "t", "time_s", "timestamp_s");
    private static final List<String> X_NAMES = List.of("x_px", "gaze point x", "gaze_x", "gazex", "x", "pos_x", "x_deg",
            "norm_pos_x", "gaze_point_x", "screen_x", "x_mean");
    private static final List<String> Y_NAMES = List.of("y_px", "gaze point y", "gaze_y", "gazey", "y", "pos_y", "y_deg",
            "norm_pos_y", "gaze_point_y", "screen_y", "y_mean");

    /** The first field index after which nothing is read. */
    int fieldsToRead() {
        int max = 0;
        // The pupil column is located but not read: no analysis uses pupil size yet.
        for (int i : new int[] {time, x, y, xRight, yRight, validity, validityRight, participant, recording, sensor,
                media, mediaX, mediaY, mediaWidth, mediaHeight, worldIndex}) {
            max = Math.max(max, i);
        }
        return max + 1;
    }

    int recordingKey() {
        if (participant >= 0 && recording >= 0) {
            return Math.min(participant, recording);
        }
        return Math.max(participant, recording);
    }

    /** With both participant and recording columns, the key spans from the first to the second. */
    int recordingKey2() {
        return participant >= 0 && recording >= 0 ? Math.max(participant, recording) : -1;
    }

    static TableLayout detect(String header, long line, DelimitedGazeReader.Flavour flavour, ColumnMapping mapping)
            throws GazeFormatException {
        byte delimiter = delimiter(header);
        if (delimiter == 0) {
            throw new GazeFormatException(line, "the header has no comma, tab or semicolon: wrong delimiter or not a table ("
                    + abbreviate(header) + ")");
        }
        List<String> names = new ArrayList<>();
        for (String name : header.split(java.util.regex.Pattern.quote(String.valueOf((char) delimiter)), -1)) {
            names.add(name.trim().replace("\"", ""));
        }
        List<String> lower = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        List<String> bare = lower.stream().map(TableLayout::withoutUnit).toList();

        int time = column(mapping.timeColumn(), "time", lower, bare, TIME_NAMES, line);
        if (time < 0) {
            throw new GazeFormatException(line, "no timestamp column: expected one of " + TIME_NAMES
                    + " or gaze.csv.time-column; header has " + names);
        }
        TimeUnit unit;
        try {
            unit = mapping.timeUnit().equalsIgnoreCase("auto") ? TimeUnit.fromName(lower.get(time)) : TimeUnit.parse(mapping.timeUnit());
        } catch (TimeUnit.UnknownUnit e) {
            throw new GazeFormatException(line, "unknown time unit '" + e.getMessage() + "' in column '" + names.get(time)
                    + "' (known: ns, us, ms, s)");
        }

        int x = column(mapping.xColumn(), "x", lower, bare, X_NAMES, line);
        int y = column(mapping.yColumn(), "y", lower, bare, Y_NAMES, line);
        int xRight = -1;
        int yRight = -1;
        String eyes = "unknown";
        if (x < 0 || y < 0) {
            int xl = firstOf(bare, "x_left", "gaze point left x", "left_x", "lx");
            int yl = firstOf(bare, "y_left", "gaze point left y", "left_y", "ly");
            int xr = firstOf(bare, "x_right", "gaze point right x", "right_x", "rx");
            int yr = firstOf(bare, "y_right", "gaze point right y", "right_y", "ry");
            if (xl >= 0 && yl >= 0 && xr >= 0 && yr >= 0) {
                x = xl;
                y = yl;
                xRight = xr;
                yRight = yr;
                eyes = "binocular";
            } else if (xl >= 0 && yl >= 0) {
                x = xl;
                y = yl;
                eyes = "left";
            } else if (xr >= 0 && yr >= 0) {
                x = xr;
                y = yr;
                eyes = "right";
            }
        }
        if (x < 0 || y < 0) {
            throw new GazeFormatException(line, "no gaze position columns: expected x and y (e.g. " + X_NAMES.subList(0, 4)
                    + ") or gaze.csv.x-column and gaze.csv.y-column; header has " + names);
        }

        int pupil = mapping.pupilColumn() != null ? column(mapping.pupilColumn(), "pupil", lower, bare, List.of(), line)
                : firstContaining(bare, "pupil");
        int validity;
        int validityRight = -1;
        boolean confidence = false;
        if (mapping.validityColumn() != null) {
            validity = column(mapping.validityColumn(), "validity", lower, bare, List.of(), line);
            confidence = lower.get(validity).contains("confidence");
        } else {
            int left = firstOf(bare, "validity left", "validity_left", "validityleft");
            int right = firstOf(bare, "validity right", "validity_right", "validityright");
            if (left >= 0 || right >= 0) {
                validity = left >= 0 ? left : right;
                validityRight = left >= 0 ? right : -1;
            } else {
                validity = firstOf(bare, "validity", "valid", "val");
                if (validity < 0) {
                    validity = firstOf(bare, "confidence");
                    confidence = validity >= 0;
                }
            }
        }

        PositionUnit positionUnit = PositionUnit.parse(mapping.positionUnit());
        if (positionUnit == null) {
            String xName = lower.get(x);
            positionUnit = xName.contains("norm") ? PositionUnit.NORMALIZED
                    : xName.contains("deg") ? PositionUnit.DEG : PositionUnit.PX;
        }
        int participant = flavour == DelimitedGazeReader.Flavour.TOBII ? firstOf(bare, "participant name", "participant") : -1;
        int recording = flavour == DelimitedGazeReader.Flavour.TOBII ? firstOf(bare, "recording name", "recording") : -1;
        int sensor = flavour == DelimitedGazeReader.Flavour.TOBII ? firstOf(bare, "sensor") : -1;
        if (flavour == DelimitedGazeReader.Flavour.PUPIL_LABS && unit == null) {
            unit = TimeUnit.SECONDS;
        }
        // The stimulus on the screen: Tobii Pro Lab's presented media (name, position, size), with
        // units in brackets or parentheses; Pupil Labs' scene-camera frame per sample.
        List<String> plain = lower.stream().map(TableLayout::withoutAnyUnit).toList();
        int media = flavour == DelimitedGazeReader.Flavour.PUPIL_LABS ? -1 : firstOf(plain, "presented media name");
        if (media < 0 && flavour != DelimitedGazeReader.Flavour.PUPIL_LABS) {
            media = firstOf(plain, "presented stimulus name");
        }
        int mediaX = media < 0 ? -1 : firstOf(plain, "presented media position x");
        int mediaY = media < 0 ? -1 : firstOf(plain, "presented media position y");
        int mediaWidth = media < 0 ? -1 : firstOf(plain, "presented media width");
        int mediaHeight = media < 0 ? -1 : firstOf(plain, "presented media height");
        int worldIndex = flavour == DelimitedGazeReader.Flavour.PUPIL_LABS ? firstOf(plain, "world_index") : -1;
        return new TableLayout(delimiter, time, unit, x, y, xRight, yRight, pupil, validity, validityRight, confidence,
                positionUnit, flavour == DelimitedGazeReader.Flavour.PUPIL_LABS, participant, recording, sensor, eyes,
                media, mediaX, mediaY, mediaWidth, mediaHeight, worldIndex);
    }

    private static int column(String configured, String what, List<String> lower, List<String> bare, List<String> candidates,
            long line) throws GazeFormatException {
        if (configured != null) {
            String wanted = configured.toLowerCase(Locale.ROOT);
            int i = lower.indexOf(wanted);
            if (i < 0) {
                i = bare.indexOf(wanted);
            }
            if (i < 0) {
                throw new GazeFormatException(line, "configured " + what + " column '" + configured + "' is not in the header " + lower);
            }
            return i;
        }
        for (String candidate : candidates) {
            int i = bare.indexOf(candidate);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int firstOf(List<String> names, String... candidates) {
        for (String candidate : candidates) {
            int i = names.indexOf(candidate);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int firstContaining(List<String> names, String part) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    /** "Recording timestamp [μs]" → "recording timestamp". */
    private static String withoutUnit(String name) {
        int open = name.indexOf('[');
        return open > 0 ? name.substring(0, open).trim() : name;
    }

    /** "Presented media width (px)" or "... [px]" → "presented media width". */
    private static String withoutAnyUnit(String name) {
        String bare = withoutUnit(name);
        int open = bare.indexOf('(');
        return open > 0 ? bare.substring(0, open).trim() : bare;
    }

    private static byte delimiter(String header) {
        byte best = 0;
        long bestCount = 0;
        for (char c : new char[] {'\t', ',', ';'}) {
            long count = header.chars().filter(ch -> ch == c).count();
            if (count > bestCount) {
                bestCount = count;
                best = (byte) c;
            }
        }
        return best;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
