package dev.sightline.demo;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Speaks a text into a 16 kHz mono WAV with FreeTTS (its "kevin16" diphone voice, which the
 * freetts jar from Maven Central ships): speech that Sightline transcribes to words, made on the
 * spot without a download.
 */
public final class SampleSpeech {

    /** What the demo's recording says. */
    public static final String DEMO_TEXT = "The weather station recorded heavy rain over the northern hills. "
            + "The farmers in the valley were happy to see the water.";

    private SampleSpeech() {}

    /** Writes {@code text}, spoken, to {@code file} (a {@code .wav}). */
    public static void write(Path file, String text) throws IOException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".wav")) {
            throw new IllegalArgumentException("the speech sample is a .wav file: " + file);
        }
        Voice voice = null;
        for (Voice v : new KevinVoiceDirectory().getVoices()) {
            if (v.getName().equals("kevin16")) {
                voice = v;
            }
        }
        if (voice == null) {
            throw new IllegalStateException("FreeTTS has no kevin16 voice");
        }
        WaveCollector player = new WaveCollector();
        voice.allocate();
        try {
            voice.setAudioPlayer(player);
            if (!voice.speak(text)) {
                throw new IOException("FreeTTS could not speak the sample text");
            }
        } finally {
            voice.deallocate();
        }
        player.writeTo(file);
        if (!Files.isRegularFile(file) || Files.size(file) <= 44) {
            throw new IOException("FreeTTS wrote no audio to " + file);
        }
    }

    /** A FreeTTS player that keeps the audio and writes it as a WAV file (FreeTTS' own file player prints to stdout). */
    private static final class WaveCollector implements AudioPlayer {
        private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        private AudioFormat format = new AudioFormat(16_000, 16, 1, true, true);
        private float volume = 1;

        void writeTo(Path file) throws IOException {
            byte[] bytes = pcm.toByteArray();
            try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, bytes.length / format.getFrameSize())) {
                AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
            }
        }

        @Override public void setAudioFormat(AudioFormat audioFormat) { format = audioFormat; }
        @Override public AudioFormat getAudioFormat() { return format; }
        @Override public void pause() {}
        @Override public void resume() {}
        @Override public void reset() {}
        @Override public boolean drain() { return true; }
        @Override public void begin(int size) {}
        @Override public boolean end() { return true; }
        @Override public void cancel() {}
        @Override public void close() {}
        @Override public float getVolume() { return volume; }
        @Override public void setVolume(float value) { volume = value; }
        @Override public long getTime() { return 0; }
        @Override public void resetTime() {}
        @Override public void startFirstSampleTimer() {}
        @Override public boolean write(byte[] audio) { return write(audio, 0, audio.length); }
        @Override public boolean write(byte[] audio, int offset, int length) { pcm.write(audio, offset, length); return true; }
        @Override public void showMetrics() {}
    }
}
