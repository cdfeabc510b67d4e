package dev.sightline.demo;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.SingleFileAudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;

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
        // the player appends ".wav" to the base name it is given
        Path base = file.resolveSibling(name.substring(0, name.length() - ".wav".length()));
        SingleFileAudioPlayer player = new SingleFileAudioPlayer(base.toString(), AudioFileFormat.Type.WAVE);
        voice.allocate();
        try {
            voice.setAudioPlayer(player);
            if (!voice.speak(text)) {
                throw new IOException("FreeTTS could not speak the sample text");
            }
        } finally {
            player.close();
            voice.deallocate();
        }
        if (!Files.isRegularFile(file) || Files.size(file) <= 44) {
            throw new IOException("FreeTTS wrote no audio to " + file);
        }
    }
}
