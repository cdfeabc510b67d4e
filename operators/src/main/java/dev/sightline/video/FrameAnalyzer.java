package dev.sightline.video;

/**
 * An analysis that looks at decoded frames one at a time, in order. The seam where a GPU
 * implementation replaces the CPU one without touching the job.
 */
public interface FrameAnalyzer {

    /** Looks at one frame; must not keep {@code frame.bgr()} beyond the call. */
    void accept(VideoFrame frame);

    /** The stream ended (normally, or broken after the frames seen so far). */
    void finish();
}
