package dev.sightline.gaze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sightline.gaze.format.ColumnMapping;
import dev.sightline.gaze.format.GazeFormatException;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.ingest.SharedData;
import dev.sightline.sink.CollectedRows;
import dev.sightline.sink.LedgerTables;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every reader on the real export files in ../shared/data and on written samples. */
class GazeFormatsTest {

    private static final ScreenGeometry LUND = new ScreenGeometry(1024, 768, 380, 300, 670);

    private static GazeSettings settings(ScreenGeometry geometry, ColumnMapping columns) {
        return new GazeSettings(geometry, 0, columns, CleaningSettings.DEFAULTS, new AdaptiveDetector(), List.of(), 30);
    }

    private static CollectedRows analyze(Path file, MediaFormat format, GazeSettings settings) throws Exception {
        CollectedRows results = new CollectedRows();
        try (InputStream in = Files.newInputStream(file)) {
            GazeFormats.analyze(file.toUri().toString(), "v", format, in, settings, results);
        }
        return results;
    }

    private static CollectedRows analyze(String text, MediaFormat format, GazeSettings settings) throws Exception {
        CollectedRows results = new CollectedRows();
        GazeFormats.analyze("file:///x", "v", format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), settings, results);
        return results;
    }

    @Test
    void lundCsvWithItsSetUp() throws Exception {
        CollectedRows r = analyze(SharedData.file("eyetracking/lund2013/TH34_img_Europe_labelled_MN.csv"),
                MediaFormat.GAZE_CSV, settings(LUND, ColumnMapping.AUTO));
        GazeRows.Recording recording = r.of(GazeTables.RECORDINGS).get(0);
        assertThat(recording.samplingRateHz()).isCloseTo(500, within(1.0));
        assertThat(recording.sampleCount()).isBetween(4988L, 5100L);
        assertThat(recording.fixationCount()).isGreaterThan(15);
        assertThat(recording.saccadeCount()).isGreaterThan(15);
        assertThat(recording.saccadeMeanPeakVelocityDegS()).isBetween(50.0, 800.0);
        assertThat(recording.mainSequenceExponent()).isBetween(0.2, 1.2);
        assertThat(r.of(GazeTables.FIXATIONS)).allSatisfy(f -> assertThat(f.xPx()).isBetween(0.0, 1024.0));
    }

    @Test
    void rowsWithoutTimestampsArePlacedByAConfiguredRateOrReported() throws Exception {
        Path file = SharedData.file("eyetracking/lund2013/TH20_trial1_labelled_MN.csv"); // t_us is nan throughout
        CollectedRows unknownRate = analyze(file, MediaFormat.GAZE_CSV, settings(LUND, ColumnMapping.AUTO));
        assertThat(problems(unknownRate)).singleElement().asString().contains("missing timestamp").contains("first 3, 4, 5");
        assertThat(unknownRate.of(GazeTables.RECORDINGS).get(0).sampleCount()).isZero();

        GazeSettings at500 = new GazeSettings(LUND, 500, ColumnMapping.AUTO, CleaningSettings.DEFAULTS, new AdaptiveDetector(), List.of(), 30);
        CollectedRows placed = analyze(file, MediaFormat.GAZE_CSV, at500);
        assertThat(problems(placed)).isEmpty();
        assertThat(placed.of(GazeTables.RECORDINGS).get(0).sampleCount()).isEqualTo(1658);
        assertThat(placed.of(GazeTables.RECORDINGS).get(0).durationMs()).isCloseTo(1658 * 2.0, within(0.01));
        assertThat(placed.of(GazeTables.SACCADES)).isNotEmpty();
    }

    @Test
    void eyeLinkMonocularAndBinocularWithTrackerEvents() throws Exception {
        for (String name : List.of("pymovements_eyelink_monocular_example.asc", "pymovements_eyelink_binocular_example.asc")) {
            CollectedRows r = analyze(SharedData.file("eyetracking/formats/" + name), MediaFormat.EYELINK_ASC,
                    settings(new ScreenGeometry(1280, 1024, 400, 300, 600), ColumnMapping.AUTO));
            GazeRows.Recording recording = r.of(GazeTables.RECORDINGS).get(0);
            assertThat(recording.samplingRateHz()).as(name).isEqualTo(1000);
            // DISPLAY_COORDS 0 0 1279 1023 (monocular), GAZE_COORDS 0.00 0.00 1920.00 1080.00 (binocular)
            assertThat(recording.screenWidthPx()).as(name).isEqualTo(name.contains("binocular") ? 1920 : 1280);
            assertThat(recording.eyes()).isEqualTo(name.contains("binocular") ? "binocular" : "left");
            // an EyeLink 1000 at 1000 Hz: a few hundredths of a degree from sample to sample
            assertThat(recording.precisionRmsS2sDeg()).as(name + " RMS-S2S").isBetween(0.002, 0.3);
            assertThat(recording.precisionBceaDeg2()).as(name + " BCEA").isBetween(0.0001, 1.0);
            assertThat(r.of(GazeTables.FIXATIONS)).anyMatch(f -> f.source().startsWith("tracker") && f.detector().equals("eyelink"));
            assertThat(r.of(GazeTables.SACCADES)).anyMatch(s -> s.source().startsWith("tracker") && s.amplitudeDeg() > 0);
        }
        CollectedRows mono = analyze(SharedData.file("eyetracking/formats/pymovements_eyelink_monocular_example.asc"),
                MediaFormat.EYELINK_ASC, settings(new ScreenGeometry(1280, 1024, 400, 300, 600), ColumnMapping.AUTO));
        GazeRows.Fixation efix = mono.of(GazeTables.FIXATIONS).stream().filter(f -> f.source().startsWith("tracker")).findFirst().orElseThrow();
        assertThat(efix.startTimeMs()).isEqualTo(2154563.0); // EFIX L 2154563 2154695 133 141.0 132.2
        assertThat(efix.durationMs()).isEqualTo(133.0);
        assertThat(efix.xPx()).isEqualTo(141.0);
    }

    @Test
    void pupilLabsGazePositions() throws Exception {
        CollectedRows r = analyze(SharedData.file("eyetracking/formats/pupil_labs/gaze_positions.csv"),
                MediaFormat.PUPIL_LABS_CSV, settings(new ScreenGeometry(1280, 720, 400, 225, 600), ColumnMapping.AUTO));
        GazeRows.Recording recording = r.of(GazeTables.RECORDINGS).get(0);
        assertThat(recording.samplingRateHz()).isBetween(100.0, 300.0); // Pupil Core gaze at 120-240 Hz
        assertThat(recording.dataLossPct()).isBetween(0.0, 50.0);
        assertThat(r.of(GazeTables.FIXATIONS)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.xPx()).isBetween(-200.0, 1480.0);
            assertThat(f.yPx()).isBetween(-200.0, 920.0);
        });
    }

    @Test
    void binocularJudoAndDuplicateTimestampsOfEmtec() throws Exception {
        CollectedRows judo = analyze(SharedData.file("eyetracking/formats/pymovements_judo1000_example.csv"),
                MediaFormat.GAZE_CSV, settings(new ScreenGeometry(1280, 1024, 400, 300, 600), ColumnMapping.AUTO));
        assertThat(judo.of(GazeTables.RECORDINGS).get(0).eyes()).isEqualTo("binocular");
        assertThat(judo.of(GazeTables.RECORDINGS).get(0).sampleCount()).isGreaterThan(5);
        CollectedRows emtec = analyze(SharedData.file("eyetracking/formats/pymovements_emtec_example.csv"),
                MediaFormat.GAZE_CSV, settings(new ScreenGeometry(1280, 1024, 400, 300, 600), ColumnMapping.AUTO));
        assertThat(problems(emtec)).singleElement().asString().contains("duplicate timestamp");
    }

    @Test
    void gazeBaseNeedsAMappingAndThenReadsDegrees() throws Exception {
        Path file = SharedData.file("eyetracking/formats/pymovements_gazebase_example.csv");
        assertThatThrownBy(() -> analyze(file, MediaFormat.GAZE_CSV, settings(LUND, ColumnMapping.AUTO)))
                .isInstanceOf(GazeFormatException.class).hasMessageContaining("no timestamp column").hasMessageContaining("[n, x, y");
        ColumnMapping mapping = new ColumnMapping("n", "ms", null, null, null, "val", "deg", 0.6);
        CollectedRows r = analyze(file, MediaFormat.GAZE_CSV, settings(new ScreenGeometry(1680, 1050, 474, 297, 550), mapping));
        assertThat(r.of(GazeTables.RECORDINGS).get(0).samplingRateHz()).isEqualTo(1000);
        assertThat(r.of(GazeTables.RECORDINGS).get(0).sampleCount()).isGreaterThan(0);
    }

    @Test
    void tobiiProLabExportWithTwoParticipantsUnitsAndValidity() throws Exception {
        StringBuilder tsv = new StringBuilder(
                "Recording timestamp [μs]\tParticipant name\tRecording name\tSensor\tGaze point X [DACS px]\tGaze point Y [DACS px]\t"
                        + "Validity left\tValidity right\tPupil diameter left [mm]\n");
        for (String participant : List.of("P01", "P02")) {
            for (int i = 0; i < 600; i++) {
                boolean blink = i >= 300 && i < 330;
                double x = i < 200 ? 400 : 900;
                tsv.append(i * 8333L).append('\t').append(participant).append("\tRec1\tEye Tracker\t")
                        .append(blink ? "" : String.valueOf(x + (i % 3))).append('\t').append(blink ? "" : "500").append('\t')
                        .append(blink ? "Invalid" : "Valid").append('\t').append(blink ? "Invalid" : "Valid").append("\t3.1\n");
                if (i == 100) {
                    tsv.append(i * 8333L + 10).append('\t').append(participant).append("\tRec1\tMouse\t\t\t\t\t\n");
                }
            }
        }
        CollectedRows r = analyze(tsv.toString(), MediaFormat.TOBII_TSV, settings(new ScreenGeometry(1920, 1080, 531, 299, 650), ColumnMapping.AUTO));
        assertThat(r.of(GazeTables.RECORDINGS)).extracting(GazeRows.Recording::participant).containsExactly("P01", "P02");
        assertThat(r.of(GazeTables.RECORDINGS)).extracting(GazeRows.Recording::recordingName).containsOnly("Rec1");
        assertThat(r.of(GazeTables.RECORDINGS).get(0).recordingId()).isNotEqualTo(r.of(GazeTables.RECORDINGS).get(1).recordingId());
        assertThat(r.of(GazeTables.RECORDINGS).get(0).samplingRateHz()).isCloseTo(120, within(0.1));
        assertThat(r.of(GazeTables.RECORDINGS).get(0).sampleCount()).isEqualTo(600); // the mouse row is no sample
        assertThat(r.of(GazeTables.RECORDINGS).get(0).dataLossPct()).isCloseTo(5.0, within(0.01));
        assertThat(r.of(GazeTables.BLINKS).stream().filter(b -> b.recordingId().equals(r.of(GazeTables.RECORDINGS).get(0).recordingId()))).hasSize(1);
        assertThat(r.of(GazeTables.SACCADES)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(problems(r)).isEmpty();
    }

    @Test
    void unreadableTablesFailWithTheLineAndTheProblem() {
        GazeSettings s = settings(LUND, ColumnMapping.AUTO);
        assertThatThrownBy(() -> analyze("time x y\n1 2 3\n", MediaFormat.GAZE_CSV, s))
                .hasMessageContaining("line 1").hasMessageContaining("no comma, tab or semicolon");
        assertThatThrownBy(() -> analyze("time,pupil\n1,2\n", MediaFormat.GAZE_CSV, s))
                .hasMessageContaining("no gaze position columns");
        assertThatThrownBy(() -> analyze("Recording timestamp [fortnights]\tGaze point X\tGaze point Y\n1\t2\t3\n", MediaFormat.TOBII_TSV, s))
                .hasMessageContaining("unknown time unit 'fortnights'");
        assertThatThrownBy(() -> analyze("MSG\t1 hello\n", MediaFormat.EYELINK_ASC, s)).hasMessageContaining("no START line");
    }

    @Test
    void badLinesAreReportedAndTheRestIsAnalysed() throws Exception {
        PlantedRecording planted = new PlantedRecording(500, LUND, 1).fixation(400).saccade(200, 200, 300).fixation(400);
        String[] lines = planted.csv.toString().split("\n");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            text.append(i == 50 ? "oops,not,numbers" : lines[i]).append('\n');
            if (i == 120) {
                text.append(lines[i]).append('\n'); // duplicate timestamp
            }
            if (i == 200) {
                text.append("0.000,1,1\n"); // goes backwards
            }
        }
        text.append("999999.0,51"); // truncated last line
        CollectedRows r = analyze(text.toString(), MediaFormat.GAZE_CSV, settings(LUND, ColumnMapping.AUTO));
        assertThat(problems(r)).hasSize(4);
        assertThat(String.join("\n", problems(r)))
                .contains("line 51: timestamp is not a number")
                .contains("duplicate timestamp")
                .contains("timestamp goes backwards")
                .contains("truncated");
        assertThat(r.of(GazeTables.SACCADES)).hasSize(1);
        assertThat(r.of(GazeTables.RECORDINGS).get(0).dataLossPct()).isGreaterThan(0);
    }

    /** The messages of the dead letters for lines that could not be used. */
    private static List<String> problems(CollectedRows rows) {
        return rows.of(LedgerTables.DEAD_LETTERS).stream().map(DeadLetter::message).toList();
    }
}
