package dev.sightline.gaze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic recording with known events: fixations with tremor, constant-velocity saccades,
 * smooth pursuits and blinks (lost samples), written as a plain CSV. Event boundaries are sample
 * indexes.
 */
final class PlantedRecording {
    record Event(String type, int start, int end) {} // samples [start, end)

    final double rateHz;
    final List<Event> events = new ArrayList<>();
    final StringBuilder csv = new StringBuilder("time_ms,x_px,y_px\n");
    private final SplittableRandom random;
    private final ScreenGeometry geometry;
    private int n;
    private double x;
    private double y;

    PlantedRecording(double rateHz, ScreenGeometry geometry, long seed) {
        this.rateHz = rateHz;
        this.geometry = geometry;
        this.random = new SplittableRandom(seed);
        this.x = geometry.widthPx() / 2;
        this.y = geometry.heightPx() / 2;
    }

    PlantedRecording fixation(double ms) {
        int count = (int) Math.round(ms * rateHz / 1000);
        events.add(new Event("fixation", n, n + count));
        for (int i = 0; i < count; i++) {
            row(x + random.nextGaussian() * 0.3, y + random.nextGaussian() * 0.3);
        }
        return this;
    }

    /** A saccade to (tx, ty) at a constant speed of about {@code degPerS}. */
    PlantedRecording saccade(double tx, double ty, double degPerS) {
        double amplitude = geometry.angleDeg(x, y, tx, ty);
        int count = Math.max(2, (int) Math.round(amplitude / degPerS * rateHz));
        events.add(new Event("saccade", n, n + count));
        double x0 = x;
        double y0 = y;
        for (int i = 1; i <= count; i++) {
            row(x0 + (tx - x0) * i / count, y0 + (ty - y0) * i / count);
        }
        x = tx;
        y = ty;
        return this;
    }

    /** A smooth pursuit for {@code ms} at {@code degPerS} in {@code directionDeg} (0 rightwards, 90 upwards), with tremor. */
    PlantedRecording pursuit(double ms, double degPerS, double directionDeg) {
        int count = (int) Math.round(ms * rateHz / 1000);
        events.add(new Event("pursuit", n, n + count));
        double pxPerDeg = geometry.widthPx() / Math.toDegrees(2 * Math.atan(geometry.widthMm() / 2 / geometry.distanceMm()));
        double step = degPerS / rateHz * pxPerDeg;
        double dx = Math.cos(Math.toRadians(directionDeg)) * step;
        double dy = -Math.sin(Math.toRadians(directionDeg)) * step;
        for (int i = 0; i < count; i++) {
            x += dx;
            y += dy;
            row(x + random.nextGaussian() * 0.3, y + random.nextGaussian() * 0.3);
        }
        return this;
    }

    PlantedRecording blink(double ms) {
        int count = (int) Math.round(ms * rateHz / 1000);
        events.add(new Event("blink", n, n + count));
        for (int i = 0; i < count; i++) {
            csv.append(String.format(Locale.ROOT, "%.3f,0,0%n", n * 1000.0 / rateHz));
            n++;
        }
        return this;
    }

    boolean followedBySaccade(Event event) {
        int i = events.indexOf(event);
        return i + 1 < events.size() && events.get(i + 1).type().equals("saccade");
    }

    List<Event> of(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    private void row(double px, double py) {
        csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f%n", n * 1000.0 / rateHz, px, py));
        n++;
    }
}
