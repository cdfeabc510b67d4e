package dev.sightline.gpu;

/**
 * PySceneDetect's content score as the video branch computes it with OpenCV (BGR to HSV, absdiff,
 * {@code cv::mean}, the mean of the three channel means); CPU twin of the {@code content_sums} and
 * {@code bgr_content_sums} kernels in frames.cu, whose integer sums are bit-identical to
 * {@link #channelSums} so the scores are equal.
 */
public final class ContentScore {

    private ContentScore() {
    }

    /** The sums of |dH|, |dS| and |dV| between two HSV frames of {@code pixels} pixels. */
    public static long[] channelSums(byte[] hsvA, byte[] hsvB, int pixels) {
        if (pixels <= 0 || hsvA.length < (long) pixels * 3 || hsvB.length < (long) pixels * 3) {
            throw new IllegalArgumentException(pixels + " HSV pixels need " + (long) pixels * 3 + " bytes per frame, got "
                    + hsvA.length + " and " + hsvB.length);
        }
        long h = 0;
        long s = 0;
        long v = 0;
        for (int p = 0; p < pixels * 3; p += 3) {
            h += Math.abs((hsvA[p] & 0xFF) - (hsvB[p] & 0xFF));
            s += Math.abs((hsvA[p + 1] & 0xFF) - (hsvB[p + 1] & 0xFF));
            v += Math.abs((hsvA[p + 2] & 0xFF) - (hsvB[p + 2] & 0xFF));
        }
        return new long[] {h, s, v};
    }

    /** The score from the channel sums: {@code cv::mean} multiplies each by {@code 1.0 / pixels}. */
    public static double score(long[] sums, int pixels) {
        double scale = 1.0 / pixels;
        return (sums[0] * scale + sums[1] * scale + sums[2] * scale) / 3.0;
    }

    /** The content score of {@code bgrCurrent} against {@code bgrPrevious} (both {@code width x height} BGR). */
    public static double score(byte[] bgrPrevious, byte[] bgrCurrent, int width, int height) {
        int pixels = width * height;
        byte[] previous = new byte[pixels * 3];
        byte[] current = new byte[pixels * 3];
        ColorConversion.bgrToHsv(bgrPrevious, previous, pixels);
        ColorConversion.bgrToHsv(bgrCurrent, current, pixels);
        return score(channelSums(current, previous, pixels), pixels);
    }
}
