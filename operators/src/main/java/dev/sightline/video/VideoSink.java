package dev.sightline.video;

/** Receives the rows of a video analysis as they are produced. */
public interface VideoSink {

    void scene(VideoRows.Scene row);

    void summary(VideoRows.Summary row);

    /** A detection; no-op by default for sinks that keep only scenes. */
    default void detection(VideoRows.Detection row) {}

    /** A finished track; no-op by default. */
    default void track(VideoRows.Track row) {}

    /** Why the video is only partly analysed (it broke or ended early); reported once, before the outcome. */
    default void problem(String message) {}
}
