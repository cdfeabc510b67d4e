package dev.sightline.gaze.format;

import dev.sightline.gaze.ScreenGeometry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads delimited gaze tables: plain CSV/TSV with a configurable or detected column mapping, Tobii
 * Pro Lab TSV exports (several participants or recordings per file, validity columns, per-eye
 * columns, units in brackets) and Pupil Labs {@code gaze_positions.csv} (normalised positions,
 * confidence). Streams: holds one line and a few dozen lines of look-ahead, never the file.
 */
public final class DelimitedGazeReader {

    /** Which export a table is, for the conventions the header alone does not carry. */
    public enum Flavour { PLAIN, TOBII, PUPIL_LABS }

    private static final int LOOK_AHEAD = 64;

    /** The scene-camera video of a Pupil Labs recording, which its gaze positions refer to. */
    public static final String PUPIL_WORLD_VIDEO = "world.mp4";

    private final Flavour flavour;
    private final ColumnMapping mapping;
    private final ScreenGeometry geometry;

    public DelimitedGazeReader(Flavour flavour, ColumnMapping mapping, ScreenGeometry geometry) {
        this.flavour = flavour;
        this.mapping = mapping;
        this.geometry = geometry;
    }

    /** Reads a whole table into {@code sink}; throws when the table cannot be read at all. */
    public void read(InputStream in, GazeSampleSink sink) throws IOException {
        LineReader lines = new LineReader(in);
        String header = null;
        while (lines.next()) {
            String text = lines.text();
            if (!text.isBlank() && !text.startsWith("#")) {
                header = text;
                break;
            }
        }
        if (header == null) {
            throw new GazeFormatException(lines.lineNumber(), "no header line: the file holds no table");
        }
        TableLayout layout = TableLayout.detect(header, lines.lineNumber(), flavour, mapping);
        new Rows(layout, sink).read(lines);
    }

    /** Reads the data rows of one table. */
    private final class Rows {
        private final TableLayout layout;
        private final GazeSampleSink sink;
        private final int[] starts;
        private final int[] ends;
        private TimeUnit unit;
        private byte[] currentRecording = new byte[0];
        private boolean recordingOpen;
        /** The presented medium of the last row, null before the first row of a recording. */
        private byte[] currentMedia;
        private long currentWorldFrame = Long.MIN_VALUE;

        Rows(TableLayout layout, GazeSampleSink sink) {
            this.layout = layout;
            this.sink = sink;
            this.starts = new int[layout.fieldsToRead()];
            this.ends = new int[layout.fieldsToRead()];
            this.unit = layout.timeUnit();
        }

        void read(LineReader lines) throws IOException {
            if (unit == null) {
                unit = guessUnit(lines);
            }
            while (lines.next()) {
                row(lines.buffer(), lines.start(), lines.end(), lines.lineNumber(), lines.terminated());
            }
            if (recordingOpen) {
                sink.endRecording();
            }
        }

        /** Reads ahead to see the step between timestamps, then replays the rows read. */
        private TimeUnit guessUnit(LineReader lines) throws IOException {
            List<byte[]> held = new ArrayList<>();
            List<long[]> meta = new ArrayList<>();
            double[] times = new double[LOOK_AHEAD];
            int count = 0;
            while (held.size() < LOOK_AHEAD && lines.next()) {
                byte[] copy = Arrays.copyOfRange(lines.buffer(), lines.start(), lines.end());
                held.add(copy);
                meta.add(new long[] {lines.lineNumber(), lines.terminated() ? 1 : 0});
                if (split(copy, 0, copy.length) > layout.time()) {
                    double t = FastNumbers.parse(copy, starts[layout.time()], ends[layout.time()]);
                    if (!Double.isNaN(t)) {
                        times[count++] = t;
                    }
                }
            }
            double[] steps = new double[Math.max(0, count - 1)];
            int n = 0;
            for (int i = 1; i < count; i++) {
                double step = times[i] - times[i - 1];
                if (step > 0) {
                    steps[n++] = step;
                }
            }
            TimeUnit guessed = TimeUnit.MILLISECONDS;
            if (n > 0) {
                Arrays.sort(steps, 0, n);
                guessed = TimeUnit.fromStep(steps[n / 2]);
            }
            unit = guessed;
            for (int i = 0; i < held.size(); i++) {
                byte[] row = held.get(i);
                row(row, 0, row.length, meta.get(i)[0], meta.get(i)[1] == 1);
            }
            return guessed;
        }

        private int split(byte[] b, int from, int to) {
            int field = 0;
            int start = from;
            byte delimiter = layout.delimiter();
            int wanted = starts.length;
            for (int i = from; i < to && field < wanted; i++) {
                if (b[i] == delimiter) {
                    starts[field] = start;
                    ends[field] = i;
                    field++;
                    start = i + 1;
                }
            }
            if (field < wanted) {
                starts[field] = start;
                ends[field] = to;
                field++;
            }
            return field;
        }

        private void row(byte[] b, int from, int to, long line, boolean terminated) {
            if (from == to || b[from] == '#') {
                return;
            }
            fields(b, split(b, from, to), line, terminated);
        }

        /** One data row whose fields are already split into {@code starts}/{@code ends}. */
        private void fields(byte[] b, int fields, long line, boolean terminated) {
            if (fields < starts.length) {
                sink.problem(line, terminated
                        ? "expected at least " + starts.length + " columns, found " + fields
                        : "the file ends in the middle of this line (truncated)");
                return;
            }
            if (layout.sensor() >= 0 && !equalsIgnoreCase(b, starts[layout.sensor()], ends[layout.sensor()], "eye tracker")
                    && ends[layout.sensor()] > starts[layout.sensor()]) {
                return; // a Tobii row of another sensor (events, mouse, ...)
            }
            if (layout.recordingKey() >= 0) {
                switchRecording(b, line);
            } else if (!recordingOpen) {
                sink.beginRecording(new RecordingHeader("", "", layout.eyes(), 0, 0, 0));
                recordingOpen = true;
            }
            double time = FastNumbers.parse(b, starts[layout.time()], ends[layout.time()]);
            if (FastNumbers.isInvalid(time)) {
                sink.problem(line, "timestamp is not a number");
                return;
            }
            double x;
            double y;
            boolean valid;
            if (layout.xRight() >= 0) {
                boolean leftOk = eyeValid(b, layout.validity());
                boolean rightOk = eyeValid(b, layout.validityRight());
                double xl = number(b, layout.x());
                double yl = number(b, layout.y());
                double xr = number(b, layout.xRight());
                double yr = number(b, layout.yRight());
                leftOk &= usable(xl, yl);
                rightOk &= usable(xr, yr);
                if (leftOk && rightOk) {
                    x = (xl + xr) / 2;
                    y = (yl + yr) / 2;
                } else if (leftOk) {
                    x = xl;
                    y = yl;
                } else {
                    x = xr;
                    y = yr;
                }
                valid = leftOk || rightOk;
            } else {
                x = number(b, layout.x());
                y = number(b, layout.y());
                valid = usable(x, y) && eyeValid(b, layout.validity()) && eyeValid(b, layout.validityRight());
            }
            if (valid) {
                x = toPixelsX(x);
                y = toPixelsY(y);
            }
            long timeUs = Double.isNaN(time) ? GazeSampleSink.MISSING_TIME : Math.round(time * unit.toMicros);
            if (timeUs != GazeSampleSink.MISSING_TIME) {
                if (layout.media() >= 0) {
                    media(b, timeUs);
                }
                if (layout.worldIndex() >= 0) {
                    worldFrame(b, timeUs);
                }
            }
            // Pupil size is located (layout.pupil()) but not read until an analysis uses it.
            sink.sample(line, timeUs, x, y, Double.NaN, valid);
        }

        /** Tobii: a stimulus mark where the presented medium changes. */
        private void media(byte[] b, long timeUs) {
            int s = starts[layout.media()];
            int e = ends[layout.media()];
            while (e > s && (b[e - 1] == ' ' || b[e - 1] == '"' || b[e - 1] == '\r')) {
                e--;
            }
            while (s < e && (b[s] == ' ' || b[s] == '"')) {
                s++;
            }
            if (currentMedia == null ? s == e : Arrays.equals(b, s, e, currentMedia, 0, currentMedia.length)) {
                return;
            }
            currentMedia = Arrays.copyOfRange(b, s, e);
            if (s == e) {
                sink.stimulus(StimulusMark.none(timeUs));
                return;
            }
            sink.stimulus(StimulusMark.media(timeUs, new String(currentMedia, StandardCharsets.UTF_8), optional(b, layout.mediaX()),
                    optional(b, layout.mediaY()), optional(b, layout.mediaWidth()), optional(b, layout.mediaHeight())));
        }

        /** Pupil Labs: a frame mark where the scene-camera frame changes; gaze is in that frame's coordinates. */
        private void worldFrame(byte[] b, long timeUs) {
            double index = number(b, layout.worldIndex());
            if (Double.isNaN(index) || (long) index == currentWorldFrame) {
                return;
            }
            currentWorldFrame = (long) index;
            sink.stimulus(StimulusMark.frame(timeUs, PUPIL_WORLD_VIDEO, currentWorldFrame, 0, 0, geometry.widthPx(), geometry.heightPx()));
        }

        private double optional(byte[] b, int field) {
            return field < 0 ? Double.NaN : number(b, field);
        }

        private double number(byte[] b, int field) {
            double v = FastNumbers.parse(b, starts[field], ends[field]);
            return FastNumbers.isInvalid(v) ? Double.NaN : v;
        }

        private boolean usable(double x, double y) {
            return !Double.isNaN(x) && !Double.isNaN(y) && !(x == 0 && y == 0 && layout.positionUnit() == PositionUnit.PX);
        }

        private boolean eyeValid(byte[] b, int field) {
            if (field < 0) {
                return true;
            }
            int s = starts[field];
            int e = ends[field];
            if (s == e) {
                return false;
            }
            if (layout.validityIsConfidence()) {
                double c = FastNumbers.parse(b, s, e);
                return c >= mapping.minConfidence();
            }
            byte first = (byte) (b[s] | 0x20);
            if (first == 'v') {
                return true; // "Valid"
            }
            if (first == 'i') {
                return false; // "Invalid"
            }
            double code = FastNumbers.parse(b, s, e);
            return code == 0; // numeric validity codes: 0 is valid (Tobii Studio, GazeBase)
        }

        private double toPixelsX(double x) {
            return switch (layout.positionUnit()) {
                case PX -> x;
                case NORMALIZED -> x * geometry.widthPx();
                case DEG -> geometry.widthPx() / 2 + Math.tan(Math.toRadians(x)) * geometry.distanceMm() * geometry.widthPx() / geometry.widthMm();
            };
        }

        private double toPixelsY(double y) {
            return switch (layout.positionUnit()) {
                case PX -> y;
                case NORMALIZED -> (layout.normalizedOriginBottom() ? 1 - y : y) * geometry.heightPx();
                case DEG -> geometry.heightPx() / 2 + Math.tan(Math.toRadians(y)) * geometry.distanceMm() * geometry.heightPx() / geometry.heightMm();
            };
        }

        private void switchRecording(byte[] b, long line) {
            int keyField = layout.recordingKey();
            int s = starts[keyField];
            int e = ends[keyField];
            int keyEnd = layout.recordingKey2() >= 0 ? ends[layout.recordingKey2()] : e;
            int length = keyEnd - s;
            if (recordingOpen && length == currentRecording.length
                    && Arrays.equals(b, s, keyEnd, currentRecording, 0, length)) {
                return;
            }
            if (recordingOpen) {
                sink.endRecording();
            }
            currentRecording = Arrays.copyOfRange(b, s, keyEnd);
            String participant = layout.participant() >= 0 ? text(b, layout.participant()) : "";
            String recording = layout.recording() >= 0 ? text(b, layout.recording()) : "";
            sink.beginRecording(new RecordingHeader(recording, participant, layout.eyes(), 0, 0, 0));
            recordingOpen = true;
            currentMedia = null;
            currentWorldFrame = Long.MIN_VALUE;
        }

        private String text(byte[] b, int field) {
            return new String(b, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8).trim();
        }
    }

    private static boolean equalsIgnoreCase(byte[] b, int from, int to, String ascii) {
        if (to - from != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            int c = b[from + i];
            if (c != ascii.charAt(i) && (c | 0x20) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Units of position columns. */
    enum PositionUnit {
        PX, DEG, NORMALIZED;

        static PositionUnit parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "auto" -> null;
                case "px" -> PX;
                case "deg" -> DEG;
                case "normalized", "normalised" -> NORMALIZED;
                default -> throw new IllegalArgumentException("unknown position unit '" + text + "' (auto, px, deg or normalized)");
            };
        }
    }
}
