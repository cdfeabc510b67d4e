package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VoiceActivitySplitterTest {

    private static final int RATE = AudioDecoder.SAMPLE_RATE;

    @Test
    void burstsSeparatedBySilenceBecomeOneUtteranceEach() {
        // 0.6 s of voice-like sound, then 0.5 s of faint noise, five times.
        short[] audio = new short[(int) (5.5 * RATE)];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < audio.length; i++) {
            double t = i / (double) RATE;
            boolean voice = t % 1.1 < 0.6;
            double v = voice ? 0.4 * Math.sin(2 * Math.PI * 150 * t) + 0.1 * Math.sin(2 * Math.PI * 450 * t) : 0;
            audio[i] = (short) Math.round((v + 0.002 * (random.nextDouble() - 0.5)) * 32767);
        }
        List<Utterance> found = split(audio, VoiceActivitySplitter.Settings.defaults());
        assertThat(found).hasSize(5);
        for (int k = 0; k < 5; k++) {
            Utterance u = found.get(k);
            assertThat(u.index()).isEqualTo(k);
            // starts 0.2 s (the padding) before its burst, ends about 0.2 s after it
            assertThat(u.startSeconds()).isCloseTo(Math.max(0, 1.1 * k - 0.2), within(0.05));
            assertThat(u.endSeconds()).isCloseTo(1.1 * k + 0.8, within(0.1));
        }
    }

    @Test
    void silenceGivesNoUtterancesAndLongSpeechIsCut() {
        assertThat(split(new short[10 * RATE], VoiceActivitySplitter.Settings.defaults())).isEmpty();

        short[] monologue = new short[48 * RATE]; // a whole number of 30 ms frames
        for (int i = 0; i < monologue.length; i++) {
            double t = i / (double) RATE;
            // syllable-like modulation, never silent long enough to end an utterance
            double envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
            monologue[i] = (short) Math.round(envelope * 0.3 * Math.sin(2 * Math.PI * 180 * t) * 32767);
        }
        List<Utterance> pieces = split(monologue, VoiceActivitySplitter.Settings.defaults());
        assertThat(pieces.size()).isBetween(3, 5);
        assertThat(pieces).allSatisfy(u -> assertThat(u.endSeconds() - u.startSeconds()).isLessThanOrEqualTo(20.01));
        long covered = pieces.stream().mapToLong(u -> u.samples().length).sum();
        assertThat(covered).isEqualTo(monologue.length); // cut, not trimmed: nothing lost
        for (int k = 1; k < pieces.size(); k++) {
            assertThat(pieces.get(k).firstSample()).isEqualTo(pieces.get(k - 1).firstSample() + pieces.get(k - 1).samples().length);
        }
    }

    @Test
    void readSpeechIsKeptNearlyWhole() {
        LocalObjectStore store = new LocalObjectStore();
        for (String id : List.of("0870", "0880", "0890", "0920", "0930")) {
            Path file = SharedData.file("audio/librivox/sense_and_sensibility_01_austen_64kb-" + id + ".wav");
            List<Utterance> found = new ArrayList<>();
            VoiceActivitySplitter splitter = new VoiceActivitySplitter(VoiceActivitySplitter.Settings.defaults(), found::add);
            AudioDecoder.Result result = new AudioDecoder(store).decode(new ObjectInspector(store).inspect(LocalPaths.toUri(file)), splitter);
            splitter.finish();
            double voiced = found.stream().mapToDouble(u -> u.endSeconds() - u.startSeconds()).sum();
            assertThat(found).as(id).isNotEmpty();
            assertThat(voiced / result.seconds()).as(id + ": share of the recording kept").isGreaterThan(0.7);
        }
    }

    private static List<Utterance> split(short[] audio, VoiceActivitySplitter.Settings settings) {
        List<Utterance> found = new ArrayList<>();
        VoiceActivitySplitter splitter = new VoiceActivitySplitter(settings, found::add);
        for (int i = 0; i < audio.length; i += 1000) { // odd chunk sizes, as a decoder delivers them
            int n = Math.min(1000, audio.length - i);
            short[] chunk = java.util.Arrays.copyOfRange(audio, i, i + n);
            splitter.accept(chunk, n, i);
        }
        splitter.finish();
        return found;
    }
}
