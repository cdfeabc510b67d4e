package dev.sightline.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes long synthetic binocular recordings for throughput benchmarks, as a plain CSV or as a
 * Tobii Pro Lab TSV: fixations with tremor, saccades, blinks, at any rate and length. Fast
 * (hand-formatted numbers), deterministic per seed.
 */
public final class GazeRecordingWriter {

    /** Output layouts. */
    public enum Layout { CSV, TOBII_TSV }

    private final byte[] digits = new byte[32];

    /** Writes {@code seconds} of {@code rateHz} samples; returns the number of samples. */
    public long write(Path file, Layout layout, double seconds, double rateHz, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long total = Math.round(seconds * rateHz);
        long periodUs = Math.round(1_000_000 / rateHz);
        double x = 960;
        double y = 540;
        long i = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write((layout == Layout.CSV
                    ? "time_us,x_left,y_left,x_right,y_right,pupil_left,pupil_right\n"
                    : "Recording timestamp [μs]\tParticipant name\tRecording name\tSensor\tGaze point left X [DACS px]\t"
                            + "Gaze point left Y [DACS px]\tGaze point right X [DACS px]\tGaze point right Y [DACS px]\t"
                            + "Validity left\tValidity right\tPupil diameter left [mm]\tPupil diameter right [mm]\n")
                    .getBytes(StandardCharsets.UTF_8));
            while (i < total) {
                long fixation = Math.round((0.15 + random.nextDouble() * 0.35) * rateHz);
                boolean blink = random.nextInt(12) == 0;
                for (long k = 0; k < fixation && i < total; k++, i++) {
                    boolean lost = blink && k > fixation / 3 && k < fixation / 3 + Math.round(0.12 * rateHz);
                    row(out, layout, i * periodUs, x + random.nextGaussian() * 0.7, y + random.nextGaussian() * 0.7, lost);
                }
                double tx = 100 + random.nextDouble() * 1720;
                double ty = 100 + random.nextDouble() * 880;
                long saccade = Math.max(3, Math.round((0.02 + Math.hypot(tx - x, ty - y) / 20000) * rateHz));
                for (long k = 1; k <= saccade && i < total; k++, i++) {
                    double s = k / (double) saccade;
                    double p = s - Math.sin(2 * Math.PI * s) / (2 * Math.PI);
                    row(out, layout, i * periodUs, x + (tx - x) * p, y + (ty - y) * p, false);
                }
                x = tx;
                y = ty;
            }
        }
        return total;
    }

    private void row(OutputStream out, Layout layout, long timeUs, double x, double y, boolean lost) throws IOException {
        byte sep = (byte) (layout == Layout.CSV ? ',' : '\t');
        number(out, timeUs, 0);
        out.write(sep);
        if (layout == Layout.TOBII_TSV) {
            out.write("P01\tRecording1\tEye Tracker\t".getBytes(StandardCharsets.US_ASCII));
        }
        for (int eye = 0; eye < 2; eye++) {
            if (lost) {
                out.write(sep);
                out.write(sep);
            } else {
                number(out, Math.round((x + eye * 1.5) * 100), 2);
                out.write(sep);
                number(out, Math.round((y - eye * 0.8) * 100), 2);
                out.write(sep);
            }
        }
        if (layout == Layout.TOBII_TSV) {
            String validity = lost ? "Invalid\tInvalid\t" : "Valid\tValid\t";
            out.write(validity.getBytes(StandardCharsets.US_ASCII));
        }
        if (lost) {
            out.write(sep);
        } else {
            out.write("3.12".getBytes(StandardCharsets.US_ASCII));
            out.write(sep);
            out.write("3.08".getBytes(StandardCharsets.US_ASCII));
        }
        out.write('\n');
    }

    /** Writes {@code value / 10^decimals} with that many decimals. */
    private void number(OutputStream out, long value, int decimals) throws IOException {
        if (value < 0) {
            out.write('-');
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
            if (n == decimals) {
                digits[n++] = '.';
            }
        } while (value > 0 || n <= decimals);
        for (int k = n - 1; k >= 0; k--) {
            out.write(digits[k]);
        }
    }
}
