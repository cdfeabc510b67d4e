package dev.sightline.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * CPU twin of the GPU HOG people detector (hog.cu), reproducing OpenCV's
 * {@code HOGDescriptor.detectMultiScale(bgr, found, weights, 0, 8x8, 16x16, 1.05, 2, false)} with
 * the default people SVM: for every pyramid level ({@link HogLevel#pyramid}; each level resized
 * from the frame by {@link LinearExactResize}, OpenCV's INTER_LINEAR_EXACT), the stages {@link #gradients}, {@link #blockHistograms},
 * {@link #normalizeBlocks} and {@link #windowScores}, each written in the float32 operation order
 * of its kernel; windows scoring at least 0 become candidates, grouped by {@link RectangleGrouping}.
 * The kernels do the same float32/double operations in the same order without fused
 * multiply-adds, so GPU window scores are expected to equal the twin's bit for bit (the GPU test
 * allows 1e-9). Against OpenCV 4.14 (HogPeopleTwinTest): {@link LinearExactResize} is
 * byte-identical to OpenCV's pyramid resize, so the grouped detections are identical (IoU 1, none
 * unmatched) and scores within 1e-5 (measured 2.2e-7 on vtest at 768 and 1152 px).
 */
public final class HogPeopleTwin {

    /** OpenCV's groupThreshold (finalThreshold) of detectMultiScale. */
    public static final int GROUP_THRESHOLD = 2;
    /** OpenCV's grouping similarity. */
    public static final double GROUP_EPS = 0.2;
    /** Windows scoring at least this (OpenCV's hitThreshold) are candidates. */
    public static final double HIT_THRESHOLD = 0;
    /** L2Hys clipping of normalised block values. */
    public static final float L2HYS_CLIP = 0.2f;

    static final float ATAN_P1 = 0.9997878412794807f * (float) (180 / Math.PI);
    static final float ATAN_P3 = -0.3258083974640975f * (float) (180 / Math.PI);
    static final float ATAN_P5 = 0.1555786518463281f * (float) (180 / Math.PI);
    static final float ATAN_P7 = -0.04432655554792128f * (float) (180 / Math.PI);
    static final float ATAN_EPS = (float) 2.220446049250313e-16; // (float) DBL_EPSILON
    static final float DEGREES_TO_RADIANS = (float) (Math.PI / 180);
    static final float RADIANS_TO_BINS = (float) (HogLevel.BINS / Math.PI);

    /** How a pyramid level is made from the BGR frame. */
    @FunctionalInterface
    interface LevelResize {
        /** Resizes the {@code width} x {@code height} BGR {@code src} into {@code dst} of {@code dstWidth} x {@code dstHeight}. */
        void resize(byte[] src, int width, int height, byte[] dst, int dstWidth, int dstHeight);
    }

    private final HogSvm svm;
    private final LevelResize resize;
    private final HogCellVotes votes = new HogCellVotes();
    private final float[] gamma = gammaTable();

    /** A twin with OpenCV's default people SVM. */
    public HogPeopleTwin() {
        this(HogSvm.defaultPeople());
    }

    /** A twin with the given SVM. */
    public HogPeopleTwin(HogSvm svm) {
        this(svm, (src, w, h, dst, dw, dh) -> LinearExactResize.resize(src, w, h, 3, dst, dw, dh));
    }

    /** A twin resizing levels another way (tests: OpenCV's own resize, to isolate the other stages). */
    HogPeopleTwin(HogSvm svm, LevelResize resize) {
        this.svm = svm;
        this.resize = resize;
    }

    /** The people in a BGR frame (interleaved, 3 bytes per pixel), grouped as OpenCV groups them. */
    public List<HogDetection> detect(byte[] bgr, int width, int height) {
        return RectangleGrouping.group(candidates(bgr, width, height), GROUP_THRESHOLD, GROUP_EPS, width, height);
    }

    /** Every window of every level scoring at least {@link #HIT_THRESHOLD}, in frame pixels, before grouping. */
    public List<HogDetection> candidates(byte[] bgr, int width, int height) {
        List<HogLevel> pyramid = HogLevel.pyramid(width, height);
        double[][] scores = windowScores(bgr, width, height);
        List<HogDetection> out = new ArrayList<>();
        for (int i = 0; i < pyramid.size(); i++) {
            addCandidates(pyramid.get(i), scores[i], out);
        }
        return out;
    }

    /** The SVM score of every window of every level of the frame's pyramid (level by level, windows row by row). */
    public double[][] windowScores(byte[] bgr, int width, int height) {
        if (bgr.length < (long) width * height * 3) {
            throw new IllegalArgumentException("BGR frame of " + bgr.length + " bytes is smaller than " + width + "x"
                    + height + "x3");
        }
        List<HogLevel> pyramid = HogLevel.pyramid(width, height);
        double[][] out = new double[pyramid.size()][];
        for (int i = 0; i < out.length; i++) {
            HogLevel level = pyramid.get(i);
            byte[] image = bgr;
            if (level.width() != width || level.height() != height) {
                image = new byte[level.width() * level.height() * 3];
                resize.resize(bgr, width, height, image, level.width(), level.height());
            }
            float[] hists = blockHistograms(gradients(image, level.width(), level.height()), level);
            normalizeBlocks(hists);
            out[i] = windowScores(hists, level);
        }
        return out;
    }

    /** Appends the windows of {@code level} whose score is at least the hit threshold, in frame pixels. */
    static void addCandidates(HogLevel level, double[] scores, List<HogDetection> out) {
        double scale = level.scale();
        int w = (int) Math.rint(HogLevel.WINDOW_WIDTH * scale);
        int h = (int) Math.rint(HogLevel.WINDOW_HEIGHT * scale);
        int windowsX = level.windowsX();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= HIT_THRESHOLD) {
                int x = (i % windowsX) * HogLevel.CELL - HogLevel.PADDING;
                int y = (i / windowsX) * HogLevel.CELL - HogLevel.PADDING;
                out.add(new HogDetection((int) Math.rint(x * scale), (int) Math.rint(y * scale), w, h, scores[i]));
            }
        }
    }

    /** OpenCV's gamma correction table: sqrt of each 8-bit value. */
    public static float[] gammaTable() {
        float[] lut = new float[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = (float) Math.sqrt(i);
        }
        return lut;
    }

    /**
     * Stage 1 (kernel hog_gradients): the padded gradient field of a BGR level image. Per padded
     * pixel, centred differences of the gamma-corrected channels (image borders reflected without
     * repeating the edge, OpenCV's BORDER_REFLECT_101); the channel with the largest squared
     * magnitude wins (ties as OpenCV's SIMD path breaks them: G over R, then B over both); its angle
     * (OpenCV's fastAtan2 polynomial, degrees, then radians) is split between the two nearest of 9
     * unsigned bins centred at 10, 30, ... 170 degrees.
     */
    public HogGradients gradients(byte[] bgr, int width, int height) {
        int pw = width + 2 * HogLevel.PADDING;
        int ph = height + 2 * HogLevel.PADDING;
        float[] votes = new float[pw * ph * 2];
        byte[] bins = new byte[pw * ph * 2];
        float[] dx = new float[3];
        float[] dy = new float[3];
        float[] mag = new float[3];
        for (int py = 0; py < ph; py++) {
            int row = reflect(py - HogLevel.PADDING, height) * width;
            int up = reflect(py - HogLevel.PADDING - 1, height) * width;
            int down = reflect(py - HogLevel.PADDING + 1, height) * width;
            for (int px = 0; px < pw; px++) {
                int col = reflect(px - HogLevel.PADDING, width);
                int left = reflect(px - HogLevel.PADDING - 1, width);
                int right = reflect(px - HogLevel.PADDING + 1, width);
                for (int c = 0; c < 3; c++) {
                    dx[c] = gamma[bgr[(row + right) * 3 + c] & 0xff] - gamma[bgr[(row + left) * 3 + c] & 0xff];
                    dy[c] = gamma[bgr[(down + col) * 3 + c] & 0xff] - gamma[bgr[(up + col) * 3 + c] & 0xff];
                    mag[c] = dx[c] * dx[c] + dy[c] * dy[c];
                }
                int best = mag[2] > mag[1] ? 2 : 1;
                if (!(Math.max(mag[2], mag[1]) > mag[0])) {
                    best = 0;
                }
                float bestDx = dx[best];
                float bestDy = dy[best];
                float magnitude = (float) Math.sqrt(bestDx * bestDx + bestDy * bestDy);
                float angle = fastAtanDegrees(bestDy, bestDx) * DEGREES_TO_RADIANS;
                angle = angle * RADIANS_TO_BINS - 0.5f;
                int bin = (int) Math.floor(angle);
                angle -= bin;
                int p = (py * pw + px) * 2;
                votes[p] = magnitude * (1f - angle);
                votes[p + 1] = magnitude * angle;
                if (bin < 0) {
                    bin += HogLevel.BINS;
                } else if (bin >= HogLevel.BINS) {
                    bin -= HogLevel.BINS;
                }
                bins[p] = (byte) bin;
                bin++;
                bins[p + 1] = (byte) (bin < HogLevel.BINS ? bin : 0);
            }
        }
        return new HogGradients(pw, ph, votes, bins);
    }

    /** OpenCV's fastAtan2 (atan_f32): the angle of (x, y) in degrees, 0..360, within about 0.01 degree. */
    static float fastAtanDegrees(float y, float x) {
        float ax = Math.abs(x);
        float ay = Math.abs(y);
        float a;
        if (ax >= ay) {
            float c = ay / (ax + ATAN_EPS);
            float c2 = c * c;
            a = (((ATAN_P7 * c2 + ATAN_P5) * c2 + ATAN_P3) * c2 + ATAN_P1) * c;
        } else {
            float c = ax / (ay + ATAN_EPS);
            float c2 = c * c;
            a = 90f - (((ATAN_P7 * c2 + ATAN_P5) * c2 + ATAN_P3) * c2 + ATAN_P1) * c;
        }
        if (x < 0) {
            a = 180f - a;
        }
        if (y < 0) {
            a = 360f - a;
        }
        return a;
    }

    /** OpenCV's borderInterpolate with BORDER_REFLECT_101 (gfedcb|abcdefgh|gfedcba). */
    static int reflect(int p, int length) {
        if (length == 1) {
            return 0;
        }
        while (p < 0 || p >= length) {
            p = p < 0 ? -p : 2 * length - p - 2;
        }
        return p;
    }

    /**
     * Stage 2 (kernel hog_block_histograms): the raw histogram of every 16x16 block on the 8-pixel
     * grid of the padded field, {@link HogLevel#BLOCK_VALUES} floats per block at
     * ((by * blocksX + bx) * 36 + cell * 9 + bin); each cell sums its {@link HogCellVotes} in order.
     */
    public float[] blockHistograms(HogGradients g, HogLevel level) {
        int blocksX = level.blocksX();
        int blocksY = level.blocksY();
        float[] hists = new float[blocksX * blocksY * HogLevel.BLOCK_VALUES];
        float[] v = g.votes();
        byte[] b = g.bins();
        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                int base = (by * blocksX + bx) * HogLevel.BLOCK_VALUES;
                for (int cell = 0; cell < HogCellVotes.CELLS; cell++) {
                    int h = base + cell * HogLevel.BINS;
                    for (int k = 0; k < HogCellVotes.PER_CELL; k++) {
                        int p = ((by * HogLevel.CELL + votes.row(cell, k)) * g.width()
                                + bx * HogLevel.CELL + votes.col(cell, k)) * 2;
                        float w = votes.weight(cell, k);
                        int h0 = h + b[p];
                        int h1 = h + b[p + 1];
                        hists[h0] = hists[h0] + v[p] * w;
                        hists[h1] = hists[h1] + v[p + 1] * w;
                    }
                }
            }
        }
        return hists;
    }

    /**
     * Stage 3 (kernel hog_normalize_blocks): L2Hys in place on every block: scale by
     * 1 / (L2 norm + 3.6), clip at 0.2, scale by 1 / (L2 norm + 0.001). Squares are summed in four
     * interleaved partial sums (value i into sum i mod 4), combined as (s0 + s1) + (s2 + s3).
     */
    public static void normalizeBlocks(float[] hists) {
        float firstEps = HogLevel.BLOCK_VALUES * 0.1f;
        for (int base = 0; base < hists.length; base += HogLevel.BLOCK_VALUES) {
            float scale = 1f / ((float) Math.sqrt(sumOfSquares(hists, base)) + firstEps);
            for (int i = 0; i < HogLevel.BLOCK_VALUES; i++) {
                hists[base + i] = Math.min(hists[base + i] * scale, L2HYS_CLIP);
            }
            scale = 1f / ((float) Math.sqrt(sumOfSquares(hists, base)) + 1e-3f);
            for (int i = 0; i < HogLevel.BLOCK_VALUES; i++) {
                hists[base + i] = hists[base + i] * scale;
            }
        }
    }

    private static float sumOfSquares(float[] h, int base) {
        float s0 = h[base] * h[base];
        float s1 = h[base + 1] * h[base + 1];
        float s2 = h[base + 2] * h[base + 2];
        float s3 = h[base + 3] * h[base + 3];
        for (int i = 4; i < HogLevel.BLOCK_VALUES; i += 4) {
            s0 = s0 + h[base + i] * h[base + i];
            s1 = s1 + h[base + i + 1] * h[base + i + 1];
            s2 = s2 + h[base + i + 2] * h[base + i + 2];
            s3 = s3 + h[base + i + 3] * h[base + i + 3];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Stage 4 (kernel hog_window_scores): the SVM score of every window of the level, row by row:
     * bias plus, block by block in the SVM's order (window blocks column by column), the block's
     * dot product (four interleaved float partial sums, (p0 + p1) and (p2 + p3) widened to double),
     * accumulated in double.
     */
    public double[] windowScores(float[] hists, HogLevel level) {
        int windowsX = level.windowsX();
        int windowsY = level.windowsY();
        int blocksX = level.blocksX();
        double[] scores = new double[windowsX * windowsY];
        for (int wy = 0; wy < windowsY; wy++) {
            for (int wx = 0; wx < windowsX; wx++) {
                double s = svm.bias();
                for (int j = 0; j < HogLevel.WINDOW_BLOCKS_X * HogLevel.WINDOW_BLOCKS_Y; j++) {
                    int bx = wx + j / HogLevel.WINDOW_BLOCKS_Y;
                    int by = wy + j % HogLevel.WINDOW_BLOCKS_Y;
                    s += blockDot(hists, (by * blocksX + bx) * HogLevel.BLOCK_VALUES, j * HogLevel.BLOCK_VALUES);
                }
                scores[wy * windowsX + wx] = s;
            }
        }
        return scores;
    }

    private double blockDot(float[] h, int base, int weights) {
        float p0 = h[base] * svm.weight(weights);
        float p1 = h[base + 1] * svm.weight(weights + 1);
        float p2 = h[base + 2] * svm.weight(weights + 2);
        float p3 = h[base + 3] * svm.weight(weights + 3);
        for (int k = 4; k < HogLevel.BLOCK_VALUES; k += 4) {
            p0 = p0 + h[base + k] * svm.weight(weights + k);
            p1 = p1 + h[base + k + 1] * svm.weight(weights + k + 1);
            p2 = p2 + h[base + k + 2] * svm.weight(weights + k + 2);
            p3 = p3 + h[base + k + 3] * svm.weight(weights + k + 3);
        }
        double t0 = p0 + p1;
        double t1 = p2 + p3;
        return t0 + t1;
    }
}
