package dev.sightline.gpu;

/**
 * OpenCV's 8-bit colour conversions from interleaved BGR, bit-identical to {@code cv::cvtColor}
 * (COLOR_BGR2RGB, COLOR_BGR2GRAY, COLOR_BGR2HSV); CPU twin of the {@code bgr_to_rgb},
 * {@code bgr_to_gray} and {@code bgr_to_hsv} kernels in frames.cu.
 */
public final class ColorConversion {

    /**
     * Fixed-point shift of the grey weights: OpenCV 4.x's 8-bit BGR2GRAY uses 15 bits (its
     * {@code BY15/GY15/RY15}); the older 14-bit weights differ on 0.26% of colours.
     */
    public static final int GRAY_SHIFT = 15;
    /** Grey weight of blue (0.114 * 2^15, rounded). */
    public static final int GRAY_B = 3735;
    /** Grey weight of green (0.587 * 2^15, rounded). */
    public static final int GRAY_G = 19235;
    /** Grey weight of red (0.299 * 2^15, rounded). */
    public static final int GRAY_R = 9798;
    /** Fixed-point shift of the HSV divisions. */
    public static final int HSV_SHIFT = 12;

    private static final int[] SATURATION_DIVISORS = saturationDivisors();
    private static final int[] HUE_DIVISORS = hueDivisors();

    private ColorConversion() {
    }

    /** Swaps blue and red of {@code pixels} interleaved BGR pixels into {@code rgb}. */
    public static void bgrToRgb(byte[] bgr, byte[] rgb, int pixels) {
        check(bgr, 3, rgb, 3, pixels);
        for (int i = 0, p = 0; i < pixels; i++, p += 3) {
            byte b = bgr[p];
            rgb[p + 1] = bgr[p + 1];
            rgb[p] = bgr[p + 2];
            rgb[p + 2] = b;
        }
    }

    /** Grey levels {@code (B*3735 + G*19235 + R*9798 + 2^14) >> 15} of {@code pixels} BGR pixels. */
    public static void bgrToGray(byte[] bgr, byte[] gray, int pixels) {
        check(bgr, 3, gray, 1, pixels);
        for (int i = 0, p = 0; i < pixels; i++, p += 3) {
            gray[i] = (byte) gray(bgr[p] & 0xFF, bgr[p + 1] & 0xFF, bgr[p + 2] & 0xFF);
        }
    }

    /** OpenCV's 8-bit HSV (H in 0..179, S and V in 0..255) of {@code pixels} BGR pixels. */
    public static void bgrToHsv(byte[] bgr, byte[] hsv, int pixels) {
        check(bgr, 3, hsv, 3, pixels);
        for (int p = 0; p < pixels * 3; p += 3) {
            int packed = hsv(bgr[p] & 0xFF, bgr[p + 1] & 0xFF, bgr[p + 2] & 0xFF);
            hsv[p] = (byte) packed;
            hsv[p + 1] = (byte) (packed >> 8);
            hsv[p + 2] = (byte) (packed >> 16);
        }
    }

    /** The grey level of one pixel. */
    static int gray(int b, int g, int r) {
        return (b * GRAY_B + g * GRAY_G + r * GRAY_R + (1 << (GRAY_SHIFT - 1))) >> GRAY_SHIFT;
    }

    /** One pixel's HSV packed as {@code h | s << 8 | v << 16} (the kernel's integer steps, in order). */
    static int hsv(int b, int g, int r) {
        int v = Math.max(b, Math.max(g, r));
        int vmin = Math.min(b, Math.min(g, r));
        int diff = v - vmin;
        int s = (diff * SATURATION_DIVISORS[v] + (1 << (HSV_SHIFT - 1))) >> HSV_SHIFT;
        int h;
        if (v == r) {
            h = g - b;
        } else if (v == g) {
            h = b - r + 2 * diff;
        } else {
            h = r - g + 4 * diff;
        }
        h = (h * HUE_DIVISORS[diff] + (1 << (HSV_SHIFT - 1))) >> HSV_SHIFT;
        if (h < 0) {
            h += 180;
        }
        return h | s << 8 | v << 16;
    }

    /** {@code sdiv[i] = round((255 << 12) / i)}, {@code sdiv[0] = 0}: OpenCV's saturation table. */
    public static int[] saturationDivisors() {
        int[] table = new int[256];
        for (int i = 1; i < 256; i++) {
            table[i] = (int) Math.rint((255 << HSV_SHIFT) / (1.0 * i));
        }
        return table;
    }

    /** {@code hdiv[i] = round((180 << 12) / (6 i))}, {@code hdiv[0] = 0}: OpenCV's hue table (H in 0..179). */
    public static int[] hueDivisors() {
        int[] table = new int[256];
        for (int i = 1; i < 256; i++) {
            table[i] = (int) Math.rint((180 << HSV_SHIFT) / (6.0 * i));
        }
        return table;
    }

    private static void check(byte[] src, int srcChannels, byte[] dst, int dstChannels, int pixels) {
        if (pixels < 0 || src.length < (long) pixels * srcChannels || dst.length < (long) pixels * dstChannels) {
            throw new IllegalArgumentException(pixels + " pixels need " + (long) pixels * srcChannels + " source and "
                    + (long) pixels * dstChannels + " destination bytes, got " + src.length + " and " + dst.length);
        }
    }
}
