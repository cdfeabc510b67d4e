package dev.sightline.video;

import dev.sightline.ingest.MediaObject;

/**
 * How decoding one video went, sent after its last frame batch: what the container says, how many
 * frames and batches were decoded, and why decoding stopped early or failed, if it did.
 *
 * @param object the video
 * @param batches frame batches sent before this record
 * @param container FFmpeg's name of the container format
 * @param codec the video codec's name
 * @param width displayed width (after rotation)
 * @param height displayed height (after rotation)
 * @param fps the container's frame rate
 * @param frames frames decoded
 * @param lastTimestampUs presentation time of the last frame decoded
 * @param rotationDeg rotation from the display matrix
 * @param errorClass set when no frame could be analysed ({@link VideoAnalysis#UNDECODABLE}, {@link VideoAnalysis#NO_VIDEO_STREAM})
 * @param problem why decoding stopped early, or why it failed; null when the video decoded whole
 * @param startedAtMillis when decoding started (epoch milliseconds), for the processing time
 */
public record VideoEnd(
        MediaObject object, int batches, String container, String codec, int width, int height, double fps, long frames,
        long lastTimestampUs, double rotationDeg, String errorClass, String problem, long startedAtMillis) {

    /** The end of a video that could not be decoded at all. */
    static VideoEnd failed(MediaObject object, String errorClass, String problem, long startedAtMillis) {
        return new VideoEnd(object, 0, null, null, 0, 0, 0, 0, 0, 0, errorClass, problem, startedAtMillis);
    }

    /** Whether the video could not be opened as one. */
    public boolean failed() {
        return errorClass != null;
    }
}
