package dev.sightline.gaze.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads SR Research EyeLink ASC files (edf2asc output): samples of monocular and binocular
 * recordings, one recording per START..END block, the screen size from {@code DISPLAY_COORDS},
 * the rate and eyes from {@code SAMPLES} lines, and the tracker's own EFIX, ESACC and EBLINK
 * events as {@link TrackerEvent}s. Times are milliseconds on the tracker clock.
 */
public final class EyeLinkAscReader {

    private static final int MAX_FIELDS = 16;

    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];

    private GazeSampleSink sink;
    private double screenWidth;
    private double screenHeight;
    private double rate;
    private String eyes = "unknown";
    private boolean inBlock;
    private boolean recordingOpen;
    private int block;
    private long lastLine;

    /** Reads a whole file into {@code sink}. */
    public void read(InputStream in, GazeSampleSink sink) throws IOException {
        this.sink = sink;
        LineReader lines = new LineReader(in);
        boolean anyBlock = false;
        while (lines.next()) {
            lastLine = lines.lineNumber();
            byte[] b = lines.buffer();
            int from = lines.start();
            int to = lines.end();
            if (from == to) {
                continue;
            }
            byte first = b[from];
            if (first >= '0' && first <= '9') {
                if (inBlock) {
                    sample(b, from, to, lines.lineNumber(), lines.terminated());
                }
                continue;
            }
            String line = lines.text();
            if (line.startsWith("START")) {
                anyBlock = true;
                closeRecording();
                inBlock = true;
                block++;
                eyes = line.contains("LEFT") && line.contains("RIGHT") ? "binocular" : line.contains("RIGHT") ? "right" : "left";
            } else if (line.startsWith("END")) {
                closeRecording();
                inBlock = false;
            } else if (line.startsWith("SAMPLES")) {
                rate = valueAfter(line, "RATE");
            } else if (line.startsWith("MSG")) {
                message(line);
            } else if (line.startsWith("EFIX") || line.startsWith("ESACC") || line.startsWith("EBLINK")) {
                event(line, lines.lineNumber());
            }
        }
        closeRecording();
        if (!anyBlock) {
            throw new GazeFormatException(lastLine, "no START line: the ASC file holds no recording block");
        }
    }

    private void openRecording() {
        if (!recordingOpen) {
            sink.beginRecording(new RecordingHeader("block-" + block, "", eyes, rate, screenWidth, screenHeight));
            recordingOpen = true;
        }
    }

    private void closeRecording() {
        if (recordingOpen) {
            sink.endRecording();
            recordingOpen = false;
        }
    }

    private void sample(byte[] b, int from, int to, long line, boolean terminated) {
        int n = 0;
        int i = from;
        while (i < to && n < MAX_FIELDS) {
            while (i < to && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i >= to) {
                break;
            }
            starts[n] = i;
            while (i < to && b[i] != ' ' && b[i] != '\t') {
                i++;
            }
            ends[n++] = i;
        }
        boolean binocular = eyes.equals("binocular");
        int needed = binocular ? 7 : 4;
        if (n < needed) {
            sink.problem(line, terminated ? "sample line has " + n + " fields, expected " + needed
                    : "the file ends in the middle of this line (truncated)");
            return;
        }
        openRecording();
        double time = FastNumbers.parse(b, starts[0], ends[0]);
        if (Double.isNaN(time)) {
            sink.problem(line, "timestamp is not a number");
            return;
        }
        double x;
        double y;
        double pupil;
        boolean valid;
        if (binocular) {
            double xl = FastNumbers.parse(b, starts[1], ends[1]);
            double yl = FastNumbers.parse(b, starts[2], ends[2]);
            double xr = FastNumbers.parse(b, starts[4], ends[4]);
            double yr = FastNumbers.parse(b, starts[5], ends[5]);
            boolean left = !Double.isNaN(xl) && !Double.isNaN(yl);
            boolean right = !Double.isNaN(xr) && !Double.isNaN(yr);
            x = left && right ? (xl + xr) / 2 : left ? xl : xr;
            y = left && right ? (yl + yr) / 2 : left ? yl : yr;
            pupil = FastNumbers.parse(b, starts[3], ends[3]);
            valid = left || right;
        } else {
            x = FastNumbers.parse(b, starts[1], ends[1]);
            y = FastNumbers.parse(b, starts[2], ends[2]);
            pupil = FastNumbers.parse(b, starts[3], ends[3]);
            valid = !Double.isNaN(x) && !Double.isNaN(y);
        }
        sink.sample(line, Math.round(time * 1000), x, y, FastNumbers.isInvalid(pupil) ? Double.NaN : pupil, valid);
    }

    private void message(String line) {
        int vframe = line.indexOf("!V VFRAME");
        if (vframe >= 0) {
            videoFrame(line, vframe);
            return;
        }
        int at = line.indexOf("DISPLAY_COORDS");
        if (at < 0) {
            at = line.indexOf("GAZE_COORDS");
        }
        if (at >= 0) {
            String[] f = line.substring(at).trim().split("\\s+");
            if (f.length >= 5) {
                try {
                    screenWidth = extent(Double.parseDouble(f[1]), Double.parseDouble(f[3]));
                    screenHeight = extent(Double.parseDouble(f[2]), Double.parseDouble(f[4]));
                } catch (NumberFormatException e) {
                    // a malformed message does not stop the recording
                }
            }
        }
    }

    /**
     * {@code MSG <time> [<offset>] !V VFRAME <frame> <x> <y> <file> [resize <w> <h>]}: SR Research's
     * video playback message, sent when a frame is shown. Frames count from 1, the position is the
     * video's top-left corner, the event happened at time minus offset.
     */
    private void videoFrame(String line, int at) {
        String[] head = line.substring(0, at).trim().split("\\s+");
        String[] f = line.substring(at).trim().split("\\s+");
        if (!inBlock || head.length < 2 || f.length < 6) {
            return;
        }
        try {
            double time = Double.parseDouble(head[1]) - (head.length >= 3 ? Double.parseDouble(head[2]) : 0);
            long frame = Long.parseLong(f[2]) - 1;
            double x = Double.parseDouble(f[3]);
            double y = Double.parseDouble(f[4]);
            double width = Double.NaN;
            double height = Double.NaN;
            int fileEnd = f.length;
            if (f.length >= 9 && f[f.length - 3].equalsIgnoreCase("resize")) {
                width = Double.parseDouble(f[f.length - 2]);
                height = Double.parseDouble(f[f.length - 1]);
                fileEnd = f.length - 3;
            }
            String file = String.join(" ", java.util.Arrays.copyOfRange(f, 5, fileEnd));
            openRecording();
            sink.stimulus(StimulusMark.frame(Math.round(time * 1000), file, Math.max(0, frame), x, y, width, height));
        } catch (NumberFormatException e) {
            sink.problem(lastLine, "malformed video frame message: " + line.trim());
        }
    }

    private void event(String line, long lineNumber) {
        String[] f = line.trim().split("\\s+");
        try {
            String eye = f[1].equals("R") ? "right" : "left";
            long start = Math.round(Double.parseDouble(f[2]) * 1000);
            long end = Math.round((Double.parseDouble(f[3]) + 1) * 1000); // inclusive last sample, 1 ms step
            openRecording();
            if (f[0].equals("EFIX") && f.length >= 7) {
                sink.trackerEvent(new TrackerEvent("fixation", eye, start, end, number(f[5]), number(f[6]),
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            } else if (f[0].equals("ESACC") && f.length >= 11) {
                sink.trackerEvent(new TrackerEvent("saccade", eye, start, end, number(f[7]), number(f[8]),
                        number(f[5]), number(f[6]), number(f[9]), number(f[10])));
            } else if (f[0].equals("EBLINK")) {
                sink.trackerEvent(new TrackerEvent("blink", eye, start, end, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            }
        } catch (RuntimeException e) {
            sink.problem(lineNumber, "malformed tracker event: " + line.trim());
        }
    }

    /** DISPLAY_COORDS give the last pixel (0 1279: 1280 wide), GAZE_COORDS often the size (0 1920). */
    private static double extent(double first, double last) {
        long span = Math.round(last - first);
        return span % 2 == 1 ? span + 1 : span;
    }

    private static double number(String text) {
        return text.equals(".") ? Double.NaN : Double.parseDouble(text);
    }

    private static double valueAfter(String line, String key) {
        String[] f = line.trim().split("\\s+");
        for (int i = 0; i < f.length - 1; i++) {
            if (f[i].toUpperCase(Locale.ROOT).equals(key)) {
                try {
                    return Double.parseDouble(f[i + 1]);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
