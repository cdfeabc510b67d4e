package dev.sightline.video;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded frame as the analyses see it: its index and presentation time, and the picture
 * downscaled for analysis (BGR, 8 bits per channel). The picture is owned by the decoder and
 * valid only during {@link FrameAnalyzer#accept}.
 *
 * @param index 0-based decode order
 * @param timestampUs presentation time, microseconds from the stream start (variable frame rate safe)
 */
public record VideoFrame(long index, long timestampUs, Mat bgr) {}
