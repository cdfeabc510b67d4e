package dev.sightline.gaze;

/** Sees the samples of a recording once they are cleaned and classified: times, velocities, labels. */
@FunctionalInterface
public interface TraceObserver {

    /** Samples {@code [from, to)} of {@code trace}, final for the recording {@code recordingId}; each sample is seen once. */
    void samples(String recordingId, GazeTrace trace, int from, int to);
}
