package dev.sightline.gpu;

/**
 * Bilinear resize of interleaved 8-bit images, bit-identical to OpenCV 4.x's
 * {@code resize(..., INTER_LINEAR_EXACT)} (its {@code resize_bitExact} with linear interpolation);
 * CPU twin of the {@code resize_linear_exact} kernel in frames.cu (bit-identical to it).
 *
 * <p>Per destination column (rows alike), in IEEE double as OpenCV's softdouble: {@code scale = 1 /
 * (dstWidth / (double) width)}, {@code f = scale * (d + 0.5) - 0.5}, {@code i = floor(f)}. Inside
 * ({@code 0 <= i < width - 1}) the taps are {@code i, i + 1} with 8-bit weights {@code w1 =
 * rint((f - i) * 256)} (ties to even) and {@code w0 = 256 - w1}; left of the image ({@code i < 0},
 * or a single-pixel source) the tap is pixel 0, right of it pixel {@code width - 1}, both with
 * weights (256, 0). Horizontal pass {@code h = s[x0] * w0 + s[x1] * w1} (ufixedpoint16, 8
 * fractional bits, exact); vertical pass {@code (h0 * v0 + h1 * v1 + 32768) >> 16} (ufixedpoint32,
 * 16 fractional bits, rounded), saturated to 255. OpenCV copies the edge rows as {@code (h + 128) >> 8},
 * which is what the (256, 0) weights give, so one formula covers the borders.
 */
public final class LinearExactResize {

    /** Fractional bits of the interpolation weights (OpenCV's ufixedpoint16). */
    public static final int WEIGHT_BITS = 8;

    private static final int ONE = 1 << WEIGHT_BITS;
    private static final int ROUND = 1 << (2 * WEIGHT_BITS - 1);

    private LinearExactResize() {
    }

    /**
     * Resizes {@code src} ({@code width x height}, {@code channels} interleaved bytes per pixel) into
     * {@code dst} ({@code dstWidth x dstHeight}, same channels).
     */
    public static void resize(byte[] src, int width, int height, int channels, byte[] dst, int dstWidth,
            int dstHeight) {
        ResizeArguments.check(src, width, height, channels, dst, dstWidth, dstHeight);
        int[] xTaps = taps(width, dstWidth);
        int[] yTaps = taps(height, dstHeight);
        int rowBytes = dstWidth * channels;
        int[] row0 = new int[rowBytes];
        int[] row1 = new int[rowBytes];
        for (int dy = 0; dy < dstHeight; dy++) {
            int y0 = yTaps[dy * 2];
            int v1 = yTaps[dy * 2 + 1];
            horizontal(src, y0, width, channels, xTaps, dstWidth, row0);
            horizontal(src, Math.min(y0 + 1, height - 1), width, channels, xTaps, dstWidth, row1);
            int out = dy * rowBytes;
            for (int i = 0; i < rowBytes; i++) {
                dst[out + i] = (byte) vertical(row0[i], row1[i], ONE - v1, v1);
            }
        }
    }

    /**
     * The taps of every destination index along one axis: {@code out[2d]} is the first source index
     * {@code i0} (the second is {@code min(i0 + 1, srcSize - 1)}), {@code out[2d + 1]} the weight
     * {@code w1} of the second (0..256; the first weighs {@code 256 - w1}).
     */
    static int[] taps(int srcSize, int dstSize) {
        int[] out = new int[dstSize * 2];
        double scale = 1.0 / ((double) dstSize / srcSize);
        for (int d = 0; d < dstSize; d++) {
            double f = scale * (d + 0.5) - 0.5;
            int i = (int) Math.floor(f);
            int i0 = 0;
            int w1 = 0;
            if (i >= 0 && srcSize > 1) {
                if (i < srcSize - 1) {
                    i0 = i;
                    w1 = (int) Math.rint((f - i) * ONE);
                } else {
                    i0 = srcSize - 1;
                }
            }
            out[d * 2] = i0;
            out[d * 2 + 1] = w1;
        }
        return out;
    }

    /** The vertical blend of two horizontal sums (8 fractional bits) with weights {@code v0, v1}, rounded and saturated. */
    static int vertical(int h0, int h1, int v0, int v1) {
        return Math.min(255, (h0 * v0 + h1 * v1 + ROUND) >>> (2 * WEIGHT_BITS));
    }

    private static void horizontal(byte[] src, int y, int width, int channels, int[] xTaps, int dstWidth,
            int[] row) {
        int base = y * width * channels;
        for (int dx = 0; dx < dstWidth; dx++) {
            int x0 = xTaps[dx * 2];
            int w1 = xTaps[dx * 2 + 1];
            int p0 = base + x0 * channels;
            int p1 = base + Math.min(x0 + 1, width - 1) * channels;
            for (int c = 0; c < channels; c++) {
                row[dx * channels + c] = (src[p0 + c] & 0xFF) * (ONE - w1) + (src[p1 + c] & 0xFF) * w1;
            }
        }
    }
}
