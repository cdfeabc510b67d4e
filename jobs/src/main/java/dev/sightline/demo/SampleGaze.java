package dev.sightline.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthesises a plain eye-tracking CSV ({@code time_ms,x_px,y_px,pupil_mm}): fixations with
 * tremor, saccades with a main-sequence velocity profile, and one blink recorded as track loss.
 */
public final class SampleGaze {

    private SampleGaze() {}

    /** Writes {@code seconds} of {@code rateHz} samples on a {@code width} x {@code height} screen; seeded, so repeatable. */
    public static void write(Path file, double seconds, int rateHz, int width, int height, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double dt = 1000.0 / rateHz;
        int total = (int) (seconds * rateHz);
        double x = width / 2.0;
        double y = height / 2.0;
        int blinkAt = total / 2;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("time_ms,x_px,y_px,pupil_mm\n");
            int i = 0;
            while (i < total) {
                int fixation = (int) ((180 + random.nextInt(220)) / dt);
                for (int k = 0; k < fixation && i < total; k++, i++) {
                    boolean blink = i >= blinkAt && i < blinkAt + (int) (120 / dt);
                    double px = blink ? 0 : x + random.nextGaussian() * 0.8;
                    double py = blink ? 0 : y + random.nextGaussian() * 0.8;
                    row(out, i * dt, px, py, blink ? 0 : 3.2 + random.nextGaussian() * 0.02);
                }
                double tx = 80 + random.nextDouble() * (width - 160);
                double ty = 80 + random.nextDouble() * (height - 160);
                double amplitude = Math.hypot(tx - x, ty - y);
                int saccade = Math.max(3, (int) ((20 + 0.05 * amplitude) / dt));
                for (int k = 1; k <= saccade && i < total; k++, i++) {
                    double s = k / (double) saccade;
                    double progress = s - Math.sin(2 * Math.PI * s) / (2 * Math.PI); // smooth bell-shaped velocity
                    boolean blink = i >= blinkAt && i < blinkAt + (int) (120 / dt);
                    row(out, i * dt, blink ? 0 : x + (tx - x) * progress, blink ? 0 : y + (ty - y) * progress, blink ? 0 : 3.2);
                }
                x = tx;
                y = ty;
            }
        }
    }

    private static void row(BufferedWriter out, double timeMs, double x, double y, double pupil) throws IOException {
        out.write(String.format(Locale.ROOT, "%.3f,%.2f,%.2f,%.3f%n", timeMs, x, y, pupil));
    }
}
