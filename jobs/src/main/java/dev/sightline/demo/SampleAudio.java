package dev.sightline.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Synthesises a short 16 kHz mono WAV: voiced-like tone bursts separated by silences. */
public final class SampleAudio {

    /** Sample rate of the sample. */
    public static final int SAMPLE_RATE = 16_000;

    private SampleAudio() {}

    public static void write(Path file, double seconds) throws IOException {
        int samples = (int) (seconds * SAMPLE_RATE);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double t = i / (double) SAMPLE_RATE;
            double burst = t % 1.0; // 0.6 s of sound, 0.4 s of silence, every second
            double envelope = burst < 0.6 ? Math.sin(Math.PI * burst / 0.6) : 0;
            double pitch = 140 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
            double value = envelope * (0.5 * Math.sin(2 * Math.PI * pitch * t)
                    + 0.25 * Math.sin(2 * Math.PI * 2 * pitch * t) + 0.12 * Math.sin(2 * Math.PI * 3 * pitch * t));
            short sample = (short) Math.round(value * 0.6 * Short.MAX_VALUE);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
