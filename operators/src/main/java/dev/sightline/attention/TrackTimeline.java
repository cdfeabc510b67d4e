package dev.sightline.attention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One track of a {@link StimulusVideo} through time: its box at any moment, interpolated between
 * analysed frames at most {@code maxGapS} apart and held for half the track's usual step before
 * its first and after its last box; and the intervals in which it is visible.
 */
final class TrackTimeline {

    private final double[] times;
    private final double[] boxes;
    private final int from;
    private final double maxGapS;
    private final double halfStep;
    /** Visible intervals, start and end pairs in seconds. */
    final double[] visible;

    TrackTimeline(StimulusVideo video, int track, double maxGapS) {
        this.from = video.trackFirstBox()[track];
        int to = video.trackFirstBox()[track + 1];
        this.times = Arrays.copyOfRange(video.boxTimeS(), from, to);
        this.boxes = video.boxes();
        this.maxGapS = maxGapS;
        double[] steps = new double[Math.max(0, times.length - 1)];
        for (int i = 1; i < times.length; i++) {
            steps[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(steps);
        double median = steps.length == 0 ? 1 / Math.max(1, video.fps()) : steps[steps.length / 2];
        this.halfStep = Math.min(median, maxGapS > 0 ? maxGapS : median) / 2;
        List<Double> intervals = new ArrayList<>();
        if (times.length > 0) {
            intervals.add(times[0] - halfStep);
            for (int i = 1; i < times.length; i++) {
                if (times[i] - times[i - 1] > maxGapS) {
                    intervals.add(times[i - 1] + halfStep);
                    intervals.add(times[i] - halfStep);
                }
            }
            intervals.add(times[times.length - 1] + halfStep);
        }
        this.visible = intervals.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The box at a video time into {@code out} (x, y, width, height); false when the track is not visible then. */
    boolean boxAt(double t, double[] out) {
        if (times.length == 0 || t < times[0] - halfStep || t > times[times.length - 1] + halfStep) {
            return false;
        }
        int i = Arrays.binarySearch(times, t);
        if (i >= 0) {
            copy(i, out);
            return true;
        }
        int next = -i - 1;
        if (next == 0) {
            copy(0, out);
            return true;
        }
        if (next == times.length) {
            copy(times.length - 1, out);
            return true;
        }
        int prev = next - 1;
        double gap = times[next] - times[prev];
        if (gap > maxGapS) {
            if (t - times[prev] <= halfStep) {
                copy(prev, out);
                return true;
            }
            if (times[next] - t <= halfStep) {
                copy(next, out);
                return true;
            }
            return false;
        }
        double f = (t - times[prev]) / gap;
        int a = 4 * (from + prev);
        int b = 4 * (from + next);
        for (int k = 0; k < 4; k++) {
            out[k] = boxes[a + k] + f * (boxes[b + k] - boxes[a + k]);
        }
        return true;
    }

    private void copy(int i, double[] out) {
        System.arraycopy(boxes, 4 * (from + i), out, 0, 4);
    }

    /** Seconds visible within {@code [a, b)}. */
    double visibleWithin(double a, double b) {
        double total = 0;
        for (int i = 0; i < visible.length; i += 2) {
            total += Math.max(0, Math.min(b, visible[i + 1]) - Math.max(a, visible[i]));
        }
        return total;
    }

    /** The first visible moment within {@code [a, b)}, or NaN. */
    double firstVisibleWithin(double a, double b) {
        for (int i = 0; i < visible.length; i += 2) {
            double start = Math.max(a, visible[i]);
            if (start < Math.min(b, visible[i + 1])) {
                return start;
            }
        }
        return Double.NaN;
    }

    /** True when visible at {@code t}. */
    boolean visibleAt(double t) {
        for (int i = 0; i < visible.length; i += 2) {
            if (t >= visible[i] && t < visible[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
