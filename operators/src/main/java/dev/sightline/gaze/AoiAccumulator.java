package dev.sightline.gaze;

/** Dwell time, time to first fixation, fixation count and visits of one area of interest. */
final class AoiAccumulator {
    final Aoi aoi;
    double dwellMs;
    double firstFixationStartMs = Double.NaN;
    double firstFixationDurationMs = Double.NaN;
    long fixations;
    long visits;
    private boolean inside;

    AoiAccumulator(Aoi aoi) {
        this.aoi = aoi;
    }

    void fixation(double xPx, double yPx, double startMs, double durationMs) {
        boolean hit = aoi.contains(xPx, yPx);
        if (hit) {
            dwellMs += durationMs;
            fixations++;
            if (Double.isNaN(firstFixationStartMs)) {
                firstFixationStartMs = startMs;
                firstFixationDurationMs = durationMs;
            }
            if (!inside) {
                visits++;
            }
        }
        inside = hit;
    }
}
