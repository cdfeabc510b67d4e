package dev.sightline.gpu;

import java.util.Random;

/** Test pictures that need no OpenCV (the GPU machine has none): random bytes and every colour. */
final class TestImages {

    private TestImages() {
    }

    /** {@code n} random bytes from a fixed seed. */
    static byte[] random(long seed, int n) {
        byte[] out = new byte[n];
        new Random(seed).nextBytes(out);
        return out;
    }

    /** All 2^24 BGR colours as a 4096x4096 picture: every max/min case and every table entry. */
    static byte[] everyColour() {
        byte[] bgr = new byte[(1 << 24) * 3];
        int p = 0;
        for (int b = 0; b < 256; b++) {
            for (int g = 0; g < 256; g++) {
                for (int r = 0; r < 256; r++) {
                    bgr[p++] = (byte) b;
                    bgr[p++] = (byte) g;
                    bgr[p++] = (byte) r;
                }
            }
        }
        return bgr;
    }
}
