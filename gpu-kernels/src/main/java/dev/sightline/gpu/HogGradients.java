package dev.sightline.gpu;

/**
 * The gradient field of one pyramid level, padded by {@link HogLevel#PADDING} on every side:
 * per pixel two orientation bins ({@code bins[2p]}, {@code bins[2p+1]} = the next bin, mod 9)
 * and the magnitude split between them ({@code votes[2p]}, {@code votes[2p+1]}), with
 * p = y * width + x in padded coordinates.
 */
public record HogGradients(int width, int height, float[] votes, byte[] bins) {
}
