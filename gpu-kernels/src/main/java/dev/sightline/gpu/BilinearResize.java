package dev.sightline.gpu;

/**
 * Bilinear resize of interleaved 8-bit images in OpenCV's INTER_LINEAR fixed-point arithmetic; CPU
 * twin of the {@code resize_bilinear} kernel in frames.cu (bit-identical to it).
 *
 * <p>Per destination column (rows alike): {@code fx = (float) ((dx + 0.5) * scale - 0.5)} in
 * double with {@code scale = 1 / (dstWidth / (double) width)}, {@code x0 = floor(fx)}, the fraction
 * {@code fx - x0}, clamped to the edges (x0 &lt; 0 gives x0 = 0 and fraction 0, x0 &gt;= width-1 gives
 * x0 = width-1 and fraction 0); weights {@code a0 = rint((1 - f) * 2048)}, {@code a1 = rint(f * 2048)}
 * (11 fractional bits, float32). Horizontal pass {@code h = s[x0] * a0 + s[x1] * a1} (int); vertical
 * pass as OpenCV's SIMD path: {@code ((h0 >> 4) * b0 >> 16) + ((h1 >> 4) * b1 >> 16)}, then
 * {@code (v + 2) >> 2} saturated to 0..255. OpenCV's scalar tail of a row rounds the same sum in one
 * step, and exact 2x downscales go to INTER_AREA there, so this differs from {@code cv::resize} by at
 * most 1 (BilinearResizeTest measures how often).
 */
public final class BilinearResize {

    /** Fractional bits of the interpolation weights. */
    public static final int WEIGHT_BITS = 11;

    private static final int ONE = 1 << WEIGHT_BITS;

    private BilinearResize() {
    }

    /**
     * Resizes {@code src} ({@code width x height}, {@code channels} interleaved bytes per pixel) into
     * {@code dst} ({@code dstWidth x dstHeight}, same channels).
     */
    public static void resize(byte[] src, int width, int height, int channels, byte[] dst, int dstWidth,
            int dstHeight) {
        ResizeArguments.check(src, width, height, channels, dst, dstWidth, dstHeight);
        int[] xTaps = new int[dstWidth * 4];
        for (int dx = 0; dx < dstWidth; dx++) {
            tap(dx, width, dstWidth, xTaps, dx * 4);
        }
        int[] yTap = new int[4];
        int rowBytes = dstWidth * channels;
        int[] row0 = new int[rowBytes];
        int[] row1 = new int[rowBytes];
        for (int dy = 0; dy < dstHeight; dy++) {
            tap(dy, height, dstHeight, yTap, 0);
            horizontal(src, yTap[0], width, channels, xTaps, dstWidth, row0);
            horizontal(src, yTap[1], width, channels, xTaps, dstWidth, row1);
            int out = dy * rowBytes;
            for (int i = 0; i < rowBytes; i++) {
                dst[out + i] = (byte) vertical(row0[i], row1[i], yTap[2], yTap[3]);
            }
        }
    }

    /**
     * The source taps of destination index {@code d}: writes {@code i0, i1, w0, w1} at {@code
     * out[at..at+3]} (source indices and their weights, summing to 2048).
     */
    static void tap(int d, int srcSize, int dstSize, int[] out, int at) {
        double scale = 1.0 / ((double) dstSize / srcSize);
        float f = (float) ((d + 0.5) * scale - 0.5);
        int i0 = (int) Math.floor(f);
        f -= i0;
        if (i0 < 0) {
            i0 = 0;
            f = 0f;
        }
        if (i0 >= srcSize - 1) {
            i0 = srcSize - 1;
            f = 0f;
        }
        out[at] = i0;
        out[at + 1] = Math.min(i0 + 1, srcSize - 1);
        out[at + 2] = (int) Math.rint((1f - f) * ONE);
        out[at + 3] = (int) Math.rint(f * ONE);
    }

    /** The vertical blend of two horizontal sums with weights {@code b0, b1}, as OpenCV's SIMD path. */
    static int vertical(int h0, int h1, int b0, int b1) {
        int v = (((h0 >> 4) * b0) >> 16) + (((h1 >> 4) * b1) >> 16);
        return Math.min(255, Math.max(0, (v + 2) >> 2));
    }

    private static void horizontal(byte[] src, int y, int width, int channels, int[] xTaps, int dstWidth,
            int[] row) {
        int base = y * width * channels;
        for (int dx = 0; dx < dstWidth; dx++) {
            int p0 = base + xTaps[dx * 4] * channels;
            int p1 = base + xTaps[dx * 4 + 1] * channels;
            int a0 = xTaps[dx * 4 + 2];
            int a1 = xTaps[dx * 4 + 3];
            for (int c = 0; c < channels; c++) {
                row[dx * channels + c] = (src[p0 + c] & 0xFF) * a0 + (src[p1 + c] & 0xFF) * a1;
            }
        }
    }
}
