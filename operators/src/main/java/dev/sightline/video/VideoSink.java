package dev.sightline.video;

/** Receives the rows of a video analysis as they are produced. */
public interface VideoSink {

    void scene(VideoRows.Scene row);

    void summary(VideoRows.Summary row);
}
