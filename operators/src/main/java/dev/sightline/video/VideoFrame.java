package dev.sightline.video;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded frame as the analyses see it: its index and presentation time, the picture
 * downscaled for analysis and the upright picture at full resolution (BGR, 8 bits per channel).
 * Pictures are owned by the decoder and valid only during {@link FrameAnalyzer#accept}.
 *
 * @param index 0-based decode order
 * @param timestampUs presentation time, microseconds from the stream start (variable frame rate safe)
 * @param bgr the picture downscaled to the analysis width
 * @param full the upright picture as decoded, possibly scaled by the decoder
 * @param fullScale width of {@code full} over the video's displayed width (1 when not scaled)
 */
public record VideoFrame(long index, long timestampUs, Mat bgr, Mat full, double fullScale) {}
