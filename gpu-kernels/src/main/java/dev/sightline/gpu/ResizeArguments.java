package dev.sightline.gpu;

/** Checks the arguments the resize twins take. */
final class ResizeArguments {

    private ResizeArguments() {
    }

    /** Throws IllegalArgumentException unless the sizes are positive and the buffers hold them. */
    static void check(byte[] src, int width, int height, int channels, byte[] dst, int dstWidth, int dstHeight) {
        if (width <= 0 || height <= 0 || dstWidth <= 0 || dstHeight <= 0 || channels <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + width + "x" + height + " -> "
                    + dstWidth + "x" + dstHeight + ", channels " + channels);
        }
        if (src.length < (long) width * height * channels || dst.length < (long) dstWidth * dstHeight * channels) {
            throw new IllegalArgumentException("buffers too small for " + width + "x" + height + " -> " + dstWidth
                    + "x" + dstHeight + " with " + channels + " channels: " + src.length + " and " + dst.length
                    + " bytes");
        }
    }
}
