package dev.sightline.video;

/**
 * Consecutive decoded frames of one video on their way to a {@link FrameAnalyzer}, or the closing
 * record of the video ({@link #end()} set, no frames). Pictures are packed BGR, 8 bits a channel.
 * A batch carries the picture before its first frame, so every batch can be scored on its own, in
 * any order and on any task, and its results meet the others' again by {@link #key()}.
 *
 * @param key the video's object version ({@link VideoAnalysis#videoId})
 * @param sequence the batch's place in the video, from 0
 * @param width width of the analysis pictures
 * @param height height of the analysis pictures
 * @param frames each frame's 0-based decode index
 * @param timestampsUs each frame's presentation time in microseconds
 * @param pictures the frames' analysis pictures, one after the other
 * @param previous the analysis picture of the frame before the first, or null at the video's start
 * @param sampled positions (in this batch) of the frames sampled for detection, ascending
 * @param detectionWidth width of the detection pictures
 * @param detectionHeight height of the detection pictures
 * @param detectionScale detection picture pixels per displayed-frame pixel
 * @param detectionPictures the sampled frames' detection pictures, one after the other
 * @param end the closing record, or null
 */
public record FrameBatch(
        String key, int sequence, int width, int height, long[] frames, long[] timestampsUs, byte[] pictures, byte[] previous,
        int[] sampled, int detectionWidth, int detectionHeight, double detectionScale, byte[] detectionPictures, VideoEnd end) {

    /** The closing record of a video. */
    static FrameBatch closing(String key, VideoEnd end) {
        return new FrameBatch(key, end.batches(), 0, 0, new long[0], new long[0], new byte[0], null, new int[0], 0, 0, 1, new byte[0], end);
    }

    /** Frames in this batch. */
    public int size() {
        return frames.length;
    }

    /** Bytes in one analysis picture. */
    public int pictureBytes() {
        return width * height * 3;
    }

    /** Bytes in one detection picture. */
    public int detectionPictureBytes() {
        return detectionWidth * detectionHeight * 3;
    }

    /** The analysis picture of the frame at {@code position}. */
    public byte[] picture(int position) {
        byte[] out = new byte[pictureBytes()];
        System.arraycopy(pictures, position * out.length, out, 0, out.length);
        return out;
    }
}
