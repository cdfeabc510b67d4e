package dev.sightline.video;

import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded frame as the analyses see it: its index and presentation time, the picture
 * downscaled for analysis and, made only when an analysis asks for it, the upright picture at
 * full resolution (BGR, 8 bits per channel). Pictures are owned by the decoder and valid only
 * during {@link FrameAnalyzer#accept}.
 */
public final class VideoFrame {

    private final long index;
    private final long timestampUs;
    private final Mat bgr;
    private final Consumer<Mat> fullPicture;
    private final Mat full;
    private boolean made;

    /**
     * @param index 0-based decode order
     * @param timestampUs presentation time, microseconds from the stream start (variable frame rate safe)
     * @param bgr the picture downscaled to the analysis width
     * @param full where the full picture is made, by {@code fullPicture} on first use
     * @param fullPicture writes the upright full-resolution picture into its argument
     */
    public VideoFrame(long index, long timestampUs, Mat bgr, Mat full, Consumer<Mat> fullPicture) {
        this.index = index;
        this.timestampUs = timestampUs;
        this.bgr = bgr;
        this.full = full;
        this.fullPicture = fullPicture;
    }

    /** A frame whose full picture is already at hand. */
    public static VideoFrame of(long index, long timestampUs, Mat bgr, Mat full) {
        VideoFrame frame = new VideoFrame(index, timestampUs, bgr, full, m -> {});
        frame.made = true;
        return frame;
    }

    /** 0-based decode order. */
    public long index() {
        return index;
    }

    /** Presentation time in microseconds from the stream start. */
    public long timestampUs() {
        return timestampUs;
    }

    /** The picture downscaled to the analysis width. */
    public Mat bgr() {
        return bgr;
    }

    /** The upright picture at the video's displayed resolution, made on first call. */
    public Mat full() {
        if (!made) {
            fullPicture.accept(full);
            made = true;
        }
        return full;
    }
}
