package dev.sightline.gaze.format;

/**
 * An event the eye tracker classified itself, as its export reports it.
 *
 * @param type "fixation", "saccade" or "blink"
 * @param eye "left" or "right"
 * @param startUs first sample time, microseconds, tracker clock
 * @param endUs time just after the last sample, microseconds
 * @param x average (fixation) or end (saccade) position, pixels; NaN where absent
 * @param y ditto
 * @param startX saccade start position, pixels; NaN otherwise
 * @param startY ditto
 * @param amplitudeDeg saccade amplitude the tracker reports; NaN otherwise
 * @param peakVelocity saccade peak velocity the tracker reports, deg/s; NaN otherwise
 */
public record TrackerEvent(
        String type, String eye, long startUs, long endUs, double x, double y, double startX, double startY,
        double amplitudeDeg, double peakVelocity) {}
