package dev.sightline.gaze.format;

/** Receives what a gaze export holds, in file order, as a parser reads it. */
public interface GazeSampleSink {

    /** The time of a sample whose timestamp field is empty; the sampling rate may place it. */
    long MISSING_TIME = Long.MIN_VALUE;

    /** A recording starts (a file holds one or more). */
    void beginRecording(RecordingHeader header);

    /**
     * One sample. Positions are screen pixels (origin top left); {@code valid} is false for track
     * loss, invalid validity codes and low confidence.
     *
     * @param line the line of the file it came from, for error messages
     */
    void sample(long line, long timeUs, double xPx, double yPx, double pupil, boolean valid);

    /** An event the tracker detected itself (EyeLink's EFIX, ESACC, EBLINK), kept apart from ours. */
    void trackerEvent(TrackerEvent event);

    /** What the export says was presented on the screen from a moment on (see {@link StimulusMark}). */
    default void stimulus(StimulusMark mark) {}

    /** A line that could not be used; the recording goes on without it. */
    void problem(long line, String problem);

    /** The current recording ends. */
    void endRecording();
}
