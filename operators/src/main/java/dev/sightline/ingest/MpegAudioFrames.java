package dev.sightline.ingest;

/** Recognises MPEG-1/2 Layer III frame headers, so MP3 files without an ID3 tag are found. */
final class MpegAudioFrames {

    private static final int[][] BITRATES_KBPS = {
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0}, // MPEG-1 Layer III
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0}, // MPEG-2/2.5 Layer III
    };
    private static final int[][] SAMPLE_RATES = {
        {44100, 48000, 32000}, // MPEG-1
        {22050, 24000, 16000}, // MPEG-2
        {11025, 12000, 8000}, // MPEG-2.5
    };

    private MpegAudioFrames() {}

    /** True when two consecutive valid Layer III frames start the buffer. */
    static boolean startsWithFrames(byte[] b, int n) {
        int length = frameLength(b, 0, n);
        return length > 0 && frameLength(b, length, n) > 0;
    }

    static boolean isFrameHeader(byte[] b, int offset, int n) {
        return frameLength(b, offset, n) > 0;
    }

    /** The length of the frame whose header is at {@code offset}, or -1 when there is none. */
    private static int frameLength(byte[] b, int offset, int n) {
        if (offset + 4 > n) {
            return -1;
        }
        int h1 = b[offset] & 0xff;
        int h2 = b[offset + 1] & 0xff;
        int h3 = b[offset + 2] & 0xff;
        if (h1 != 0xFF || (h2 & 0xE0) != 0xE0) {
            return -1;
        }
        int version = (h2 >> 3) & 0x3; // 0 = 2.5, 2 = 2, 3 = 1
        int layer = (h2 >> 1) & 0x3; // 1 = Layer III
        int bitrateIndex = (h3 >> 4) & 0xF;
        int rateIndex = (h3 >> 2) & 0x3;
        if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return -1;
        }
        boolean mpeg1 = version == 3;
        int bitrate = BITRATES_KBPS[mpeg1 ? 0 : 1][bitrateIndex] * 1000;
        int sampleRate = SAMPLE_RATES[mpeg1 ? 0 : (version == 2 ? 1 : 2)][rateIndex];
        int padding = (h3 >> 1) & 0x1;
        return (mpeg1 ? 144 : 72) * bitrate / sampleRate + padding;
    }
}
