package dev.sightline.gaze;

/**
 * Cleans a trace in place: fills short gaps by linear interpolation, labels loss runs of blink
 * length as blinks, converts positions to degrees and computes angular velocity with a
 * Savitzky-Golay derivative filter.
 */
public final class TraceCleaner {

    private final CleaningSettings settings;
    private final ScreenGeometry geometry;
    private final double rateHz;
    private final SavitzkyGolay filter;
    private final DegreeTable xTable;
    private final DegreeTable yTable;

    public TraceCleaner(CleaningSettings settings, ScreenGeometry geometry, double rateHz) {
        this.settings = settings;
        this.geometry = geometry;
        this.rateHz = rateHz;
        this.filter = new SavitzkyGolay(SavitzkyGolay.windowSamples(settings.velocityWindowMs() / 1000, rateHz));
        this.xTable = new DegreeTable(geometry.widthPx(), geometry.widthMm(), geometry.distanceMm());
        this.yTable = new DegreeTable(geometry.heightPx(), geometry.heightMm(), geometry.distanceMm());
    }

    /** Samples of context the filter needs on each side of a sample. */
    public int contextSamples() {
        return filter.halfWindow();
    }

    /**
     * Cleans samples {@code [0, trace.size)}. A loss run touching the end is left as it is (it may
     * continue in the next chunk); one touching the start is treated as complete.
     */
    public void clean(GazeTrace t) {
        int n = t.size;
        int i = 0;
        while (i < n) {
            if (t.valid[i] || t.interpolated[i]) {
                t.labels[i] = GazeLabel.NONE;
                i++;
                continue;
            }
            int start = i;
            while (i < n && !t.valid[i]) {
                i++;
            }
            int end = i; // exclusive
            double gapMs = (end - start) * 1000.0 / rateHz;
            boolean closed = start > 0 && end < n;
            if (closed && gapMs <= settings.maxInterpolationGapMs()) {
                interpolate(t, start - 1, end);
            } else {
                byte label = end < n && gapMs >= settings.blinkMinMs() && gapMs <= settings.blinkMaxMs() && start > 0
                        ? GazeLabel.BLINK : GazeLabel.NONE;
                for (int k = start; k < end; k++) {
                    t.labels[k] = label;
                    t.interpolated[k] = false;
                }
            }
        }
        double[] xPx = t.xPx;
        double[] yPx = t.yPx;
        double[] xDeg = t.xDeg;
        double[] yDeg = t.yDeg;
        for (int k = 0; k < n; k++) {
            xDeg[k] = xTable.degrees(xPx[k]);
            yDeg[k] = yTable.degrees(yPx[k]);
        }
        for (int k = 0; k < n; k++) {
            double vx = filter.derivative(t.xDeg, k, 0, n);
            double vy = filter.derivative(t.yDeg, k, 0, n);
            t.velocity[k] = Math.sqrt(vx * vx + vy * vy) * rateHz;
        }
    }

    private static void interpolate(GazeTrace t, int before, int after) {
        double x0 = t.xPx[before];
        double y0 = t.yPx[before];
        double dx = t.xPx[after] - x0;
        double dy = t.yPx[after] - y0;
        int span = after - before;
        for (int k = before + 1; k < after; k++) {
            double f = (k - before) / (double) span;
            t.xPx[k] = x0 + dx * f;
            t.yPx[k] = y0 + dy * f;
            t.interpolated[k] = true;
            t.labels[k] = GazeLabel.NONE;
        }
    }
}
