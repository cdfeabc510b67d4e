package dev.sightline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.audio.AudioAnalysis;
import dev.sightline.audio.AudioRows;
import dev.sightline.audio.AudioSettings;
import dev.sightline.audio.AudioTables;
import dev.sightline.audio.WordErrorRate;
import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.CollectedRows;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's spoken sample is speech Sightline transcribes to (mostly the right) words. */
class SampleSpeechTest {

    @TempDir
    Path dir;

    @Test
    void theDemosSpeechIsTranscribedToItsWords() throws Exception {
        Path wav = dir.resolve("weather-report.wav");
        SampleSpeech.write(wav, SampleSpeech.DEMO_TEXT);

        try (LocalObjectStore store = new LocalObjectStore(); AudioAnalysis analysis = new AudioAnalysis(store, AudioSettings.defaults())) {
            CollectedRows rows = new CollectedRows();
            var outcome = analysis.analyze(new ObjectInspector(store).inspect(LocalPaths.toUri(wav)), rows);
            assertThat(outcome).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(ObjectStatus.DONE));
            AudioRows.Transcript transcript = rows.of(AudioTables.TRANSCRIPTS).get(0);
            double wer = WordErrorRate.of(SampleSpeech.DEMO_TEXT, transcript.text()).rate();
            System.out.printf("demo speech: WER %.2f: %s%n", wer, transcript.text());
            assertThat(wer).as("word error rate of: " + transcript.text()).isLessThan(0.3);
            assertThat(rows.of(AudioTables.KEYWORDS)).isNotEmpty();
        }
    }
}
