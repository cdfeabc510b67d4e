package dev.sightline.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** 16-bit PCM at {@link AudioDecoder#SAMPLE_RATE}: joining, byte layout and WAV files. */
public final class Pcm {

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

    /** The parts one after another. */
    public static short[] concat(List<short[]> parts) {
        short[] all = new short[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Writes a 16 kHz mono 16-bit WAV file of the samples. */
    public static Path writeWav(Path file, short[] samples) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes())
                .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(AudioDecoder.SAMPLE_RATE).putInt(AudioDecoder.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(samples.length * 2);
        byte[] bytes = new byte[44 + samples.length * 2];
        System.arraycopy(header.array(), 0, bytes, 0, 44);
        System.arraycopy(littleEndian(samples), 0, bytes, 44, samples.length * 2);
        return Files.write(file, bytes);
    }
}
