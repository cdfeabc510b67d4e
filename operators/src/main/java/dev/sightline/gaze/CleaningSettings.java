package dev.sightline.gaze;

import java.io.Serializable;

/**
 * How samples are cleaned before detection.
 *
 * @param maxInterpolationGapMs gaps of lost samples up to this long are filled linearly
 * @param blinkMinMs a loss run at least this long (and longer than the interpolation gap) is a blink
 * @param blinkMaxMs ... and at most this long; longer runs are track loss
 * @param velocityWindowMs Savitzky-Golay window of the velocity filter: 3 ms, i.e. the 3-sample minimum
 *     up to 1000 Hz (cross-validated on Lund 2013, where wider windows blur saccade boundaries)
 */
public record CleaningSettings(
        double maxInterpolationGapMs, double blinkMinMs, double blinkMaxMs, double velocityWindowMs) implements Serializable {

    public static final CleaningSettings DEFAULTS = new CleaningSettings(75, 75, 500, 3);

    public CleaningSettings {
        if (maxInterpolationGapMs < 0 || blinkMinMs < 0 || blinkMaxMs < blinkMinMs || velocityWindowMs <= 0) {
            throw new IllegalArgumentException("bad cleaning settings: " + this);
        }
    }

    public CleaningSettings withVelocityWindowMs(double ms) {
        return new CleaningSettings(maxInterpolationGapMs, blinkMinMs, blinkMaxMs, ms);
    }
}
