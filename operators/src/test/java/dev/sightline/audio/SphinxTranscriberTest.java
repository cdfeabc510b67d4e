package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.ObjectInspector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sphinx4 on the LibriVox utterances of ../shared/data (skips without them): word error rate, timings, confidences, replay safety. */
class SphinxTranscriberTest {

    @Test
    void digitalSilenceBecomesOneBitOfNoiseTheSameOnEveryReplay() {
        short[] samples = new short[40];
        for (int i = 0; i < 10; i++) {
            samples[i] = (short) (100 + i); // sound
        }
        // 10..29: twenty zeros (digital silence); 30..32: sound; 33..36: four zeros (a zero crossing); 37..39 sound
        for (int i = 30; i < 40; i++) {
            samples[i] = (short) (i == 33 || i == 34 || i == 35 || i == 36 ? 0 : -50);
        }
        short[] dithered = SphinxTranscriber.ditherDigitalSilence(samples, 42);
        assertThat(dithered).isNotSameAs(samples);
        for (int i = 0; i < 40; i++) {
            if (i >= 10 && i < 30) {
                assertThat((int) dithered[i]).isBetween(-1, 1);
            } else {
                assertThat(dithered[i]).as("sample " + i).isEqualTo(samples[i]);
            }
        }
        assertThat(java.util.Arrays.copyOfRange(dithered, 10, 30)).as("not all zeros").containsAnyOf((short) 1, (short) -1);
        assertThat(SphinxTranscriber.ditherDigitalSilence(samples, 42)).isEqualTo(dithered);
        short[] sound = {5, -3, 0, 0, 7};
        assertThat(SphinxTranscriber.ditherDigitalSilence(sound, 1)).isSameAs(sound);
    }

    @Test
    void voicedToneBurstsAreNoError() throws Exception {
        // A second of the demo's sound: a gliding 140-180 Hz tone with two harmonics, 0.6 s on.
        // Sphinx's own result handling throws a NullPointerException on it (no word on its best path).
        short[] burst = new short[AudioDecoder.SAMPLE_RATE];
        for (int i = 0; i < burst.length; i++) {
            double t = i / (double) AudioDecoder.SAMPLE_RATE;
            double envelope = t < 0.6 ? Math.sin(Math.PI * t / 0.6) : 0;
            double pitch = 140 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
            double value = envelope * (0.5 * Math.sin(2 * Math.PI * pitch * t) + 0.25 * Math.sin(4 * Math.PI * pitch * t)
                    + 0.12 * Math.sin(6 * Math.PI * pitch * t));
            burst[i] = (short) Math.round(value * 0.6 * Short.MAX_VALUE);
        }
        try (SphinxTranscriber sphinx = new SphinxTranscriber()) {
            List<TimedWord> words = sphinx.transcribe(new Utterance(0, 0, burst));
            assertThat(words).allSatisfy(w -> assertThat(w.confidence()).isBetween(0.0, 1.0));
        }
    }

    /**
     * Every LibriVox utterance of ../shared/data (two minutes here): tagged slow, so {@code .ci/run}
     * leaves it out; {@code sightline bench speech} measures the same word error rate for
     * docs/benchmarks.md, and {@code -Dsightline.test.excluded=none} runs it.
     */
    @Test
    @Tag("slow")
    void readSpeechIsTranscribedUnderThirtyPercentWordErrorRate() throws Exception {
        LocalObjectStore store = new LocalObjectStore();
        WordErrorRate total = new WordErrorRate(0, 0);
        List<Utterance> first = new ArrayList<>();
        List<List<TimedWord>> firstWords = new ArrayList<>();
        try (SphinxTranscriber sphinx = new SphinxTranscriber()) {
            for (ReferenceTranscripts.Reference read : SpeechRecordings.libriVox()) {
                List<Utterance> utterances = new ArrayList<>();
                AudioDecoder.Result decoded = VoiceActivitySplitter.split(new AudioDecoder(store),
                        new ObjectInspector(store).inspect(LocalPaths.toUri(read.wav())), VoiceActivitySplitter.Settings.defaults(), utterances::add);
                List<TimedWord> words = new ArrayList<>();
                for (Utterance u : utterances) {
                    List<TimedWord> recognised = sphinx.transcribe(u);
                    if (first.isEmpty()) {
                        first.add(u);
                        firstWords.add(recognised);
                    }
                    words.addAll(recognised);
                }
                String hypothesis = words.stream().map(TimedWord::word).collect(Collectors.joining(" "));
                WordErrorRate rate = WordErrorRate.of(read.text(), hypothesis);
                System.out.printf("%s WER %.2f: %s%n", read.wav().getFileName(), rate.rate(), hypothesis);
                total = total.plus(rate);
                double previousStart = -1;
                for (TimedWord w : words) {
                    assertThat(w.startSeconds()).isGreaterThanOrEqualTo(previousStart).isLessThan(w.endSeconds());
                    assertThat(w.endSeconds()).isLessThanOrEqualTo(decoded.seconds() + 0.05);
                    assertThat(w.confidence()).isBetween(0.0, 1.0);
                    previousStart = w.startSeconds();
                }
            }
            // Replay safety: the first utterance, heard again after all the others, gives the same words and times.
            assertThat(sphinx.transcribe(first.get(0))).isEqualTo(firstWords.get(0));
        }
        System.out.printf("corpus WER %.3f over %d words%n", total.rate(), total.referenceWords());
        assertThat(total.referenceWords()).isGreaterThan(50);
        assertThat(total.rate()).isLessThanOrEqualTo(0.30);
    }
}
