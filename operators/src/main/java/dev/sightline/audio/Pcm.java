package dev.sightline.audio;

/** Conversions of 16-bit PCM samples. */
final class Pcm {

    private Pcm() {}

    /** The samples as signed 16-bit little-endian bytes (WAV's and Sphinx's layout). */
    static byte[] littleEndian(short[] samples) {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return bytes;
    }
}
