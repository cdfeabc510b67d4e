package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.CollectedRows;
import dev.sightline.sink.LedgerTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording the test makes with Debian's flite speech synthesiser (skips where flite is not
 * installed), transcribed end to end: decode, silence splitting, Sphinx4, language analysis.
 */
class SynthesisedSpeechTest {

    private static final String TEXT = "The weather station recorded heavy rain over the northern hills. "
            + "Farmers in the valley were happy to see the water.";

    @TempDir
    Path dir;

    @Test
    void aSynthesisedRecordingIsTranscribedEndToEnd() throws Exception {
        Path flite = Path.of("/usr/bin/flite");
        assumeTrue(Files.isExecutable(flite), "flite is not installed");
        Path wav = dir.resolve("weather.wav");
        Process process = new ProcessBuilder(flite.toString(), "-t", TEXT, "-o", wav.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        try (LocalObjectStore store = new LocalObjectStore(); AudioAnalysis analysis = new AudioAnalysis(store, AudioSettings.defaults())) {
            CollectedRows rows = new CollectedRows();
            var outcome = analysis.analyze(new ObjectInspector(store).inspect(LocalPaths.toUri(wav)), rows);
            List<DeadLetter> letters = rows.of(LedgerTables.DEAD_LETTERS);
            assertThat(outcome).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(ObjectStatus.DONE));
            assertThat(letters).isEmpty();
            AudioRows.Transcript transcript = rows.of(AudioTables.TRANSCRIPTS).get(0);
            double wer = WordErrorRate.of(TEXT, transcript.text()).rate();
            System.out.printf("flite: WER %.2f: %s%n", wer, transcript.text());
            // Sphinx's acoustic model was trained on human speech; synthetic speech scores worse than read speech.
            assertThat(wer).isLessThan(0.5);
            assertThat(rows.of(AudioTables.WORDS)).isNotEmpty();
            assertThat(rows.of(AudioTables.KEYWORDS)).isNotEmpty();
            assertThat(rows.of(AudioTables.TOPICS)).isNotEmpty();
        }
    }
}
