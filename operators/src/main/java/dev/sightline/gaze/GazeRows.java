package dev.sightline.gaze;

/** The rows the gaze analysis writes, one record type per table. */
public final class GazeRows {

    private GazeRows() {}

    /** A row of {@code gaze_recordings}: one recording with its set-up, metrics and parameters. */
    public record Recording(
            String uri, String version, String recordingId, String participant, String recordingName, String sourceFormat,
            String eyes, long sampleCount, double samplingRateHz, double startTimeMs, double durationMs,
            double screenWidthPx, double screenHeightPx, double screenWidthMm, double screenHeightMm, double viewingDistanceMm,
            double dataLossPct, long fixationCount, double fixationMeanDurationMs, double fixationMedianDurationMs,
            long saccadeCount, double saccadeMeanAmplitudeDeg, double saccadeMeanPeakVelocityDegS,
            double mainSequenceCoefficient, double mainSequenceExponent, long psoCount, long blinkCount,
            double blinkRatePerMin, long problemCount, String detector, String parameters, double precisionRmsS2sDeg,
            double precisionBceaDeg2) {}

    /** A row of {@code gaze_fixations}. */
    public record Fixation(
            String uri, String version, String recordingId, long fixationIndex, double startTimeMs, double endTimeMs,
            double durationMs, double xPx, double yPx, double xDeg, double yDeg, double dispersionDeg, String detector,
            String source) {}

    /** A row of {@code gaze_saccades}. */
    public record Saccade(
            String uri, String version, String recordingId, long saccadeIndex, double startTimeMs, double endTimeMs,
            double durationMs, double startXPx, double startYPx, double endXPx, double endYPx, double startXDeg,
            double startYDeg, double endXDeg, double endYDeg, double amplitudeDeg, double peakVelocityDegS,
            double psoDurationMs, String detector, String source) {}

    /** A row of {@code gaze_pursuits}: the eye following a moving target smoothly. */
    public record Pursuit(
            String uri, String version, String recordingId, long pursuitIndex, double startTimeMs, double endTimeMs,
            double durationMs, double startXPx, double startYPx, double endXPx, double endYPx, double startXDeg,
            double startYDeg, double endXDeg, double endYDeg, double amplitudeDeg, double meanVelocityDegS,
            double directionDeg, String detector, String source) {}

    /** A row of {@code gaze_blinks}. */
    public record Blink(
            String uri, String version, String recordingId, long blinkIndex, double startTimeMs, double endTimeMs,
            double durationMs, String detector, String source) {}

    /** A row of {@code gaze_aoi_metrics}. */
    public record AoiMetrics(
            String uri, String version, String recordingId, String aoiName, double dwellTimeMs, double dwellPct,
            double timeToFirstFixationMs, double firstFixationDurationMs, long fixationCount, long visits, long revisits) {}

    /**
     * A row of {@code gaze_stimuli}: one video a recording showed, where and from when, and the key
     * by which it meets the video's analysis.
     */
    public record Stimulus(
            String uri, String version, String recordingId, long segmentIndex, String mediaName, String linkSource,
            String manifestEntry, String videoRef, String stimulusKey, double startTimeMs, double endTimeMs,
            double videoStartTimeMs, String frameAnchors, double screenX, double screenY, double screenWidth,
            double screenHeight) {}
}
