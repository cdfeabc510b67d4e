package dev.sightline.gaze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.sink.CollectedRows;
import dev.sightline.sink.LedgerTables;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GazeAnalyzerTest {

    private static final ScreenGeometry SCREEN = new ScreenGeometry(1920, 1080, 531, 299, 650);

    private static CollectedRows analyze(String csv, GazeSettings settings) throws Exception {
        CollectedRows results = new CollectedRows();
        GazeFormats.analyze("file:///t.csv", "v1", MediaFormat.GAZE_CSV,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), settings, results);
        return results;
    }

    private static PlantedRecording planted(double rate, long seed, int saccades) {
        SplittableRandom random = new SplittableRandom(seed);
        PlantedRecording r = new PlantedRecording(rate, SCREEN, seed).fixation(300);
        for (int i = 0; i < saccades; i++) {
            r.saccade(200 + random.nextDouble() * 1500, 150 + random.nextDouble() * 780, 250 + random.nextDouble() * 150)
                    .fixation(150 + random.nextDouble() * 300);
            if (i % 7 == 3) {
                r.blink(120 + random.nextDouble() * 150).fixation(200);
            }
        }
        return r;
    }

    @Test
    void recoversPlantedEventsWithinOneSample() throws Exception {
        for (double rate : new double[] {500, 1000}) {
            PlantedRecording r = planted(rate, 11, 40);
            GazeSettings settings = new GazeSettings(SCREEN, 0, dev.sightline.gaze.format.ColumnMapping.AUTO,
                    CleaningSettings.DEFAULTS, new AdaptiveDetector(), List.of(), 2); // 2 s chunks: many chunk boundaries
            CollectedRows results = analyze(r.csv.toString(), settings);
            double period = 1000 / rate;

            // A planted saccade moves the eye away from the last sample of the fixation before it
            // (start - 1): the movement spans samples [start - 1, end), and that fixation ends with
            // the sample before, start - 1.
            List<PlantedRecording.Event> saccades = r.of("saccade");
            assertThat(results.of(GazeTables.SACCADES)).hasSameSizeAs(saccades);
            for (int i = 0; i < saccades.size(); i++) {
                assertThat(results.of(GazeTables.SACCADES).get(i).startTimeMs()).isCloseTo((saccades.get(i).start() - 1) * period, within(period * 1.01));
                assertThat(results.of(GazeTables.SACCADES).get(i).endTimeMs()).isCloseTo(saccades.get(i).end() * period, within(period * 1.01));
            }
            List<PlantedRecording.Event> fixations = r.of("fixation");
            assertThat(results.of(GazeTables.FIXATIONS)).hasSameSizeAs(fixations);
            for (int i = 0; i < fixations.size(); i++) {
                PlantedRecording.Event planted = fixations.get(i);
                int end = r.followedBySaccade(planted) ? planted.end() - 1 : planted.end();
                assertThat(results.of(GazeTables.FIXATIONS).get(i).startTimeMs()).isCloseTo(planted.start() * period, within(period * 1.01));
                assertThat(results.of(GazeTables.FIXATIONS).get(i).endTimeMs()).isCloseTo(end * period, within(period * 1.01));
            }
            List<PlantedRecording.Event> blinks = r.of("blink");
            assertThat(results.of(GazeTables.BLINKS)).hasSameSizeAs(blinks);
            for (int i = 0; i < blinks.size(); i++) {
                assertThat(results.of(GazeTables.BLINKS).get(i).startTimeMs()).isCloseTo(blinks.get(i).start() * period, within(period * 1.01));
                assertThat(results.of(GazeTables.BLINKS).get(i).endTimeMs()).isCloseTo(blinks.get(i).end() * period, within(period * 1.01));
            }
            GazeRows.Recording recording = results.of(GazeTables.RECORDINGS).get(0);
            assertThat(recording.samplingRateHz()).isCloseTo(rate, within(0.5));
            assertThat(recording.fixationCount()).isEqualTo(fixations.size());
            assertThat(recording.blinkCount()).isEqualTo(blinks.size());
            assertThat(problems(results)).isEmpty();
        }
    }

    @Test
    void theReferenceDetectorsFindTheSameSaccades() throws Exception {
        PlantedRecording r = planted(1000, 5, 20);
        for (EventDetector detector : List.of(new IvtDetector(30, 40), new IdtDetector(1.0, 100))) {
            GazeSettings settings = new GazeSettings(SCREEN, 1000, dev.sightline.gaze.format.ColumnMapping.AUTO,
                    CleaningSettings.DEFAULTS.withVelocityWindowMs(20), detector, List.of(), 30);
            CollectedRows results = analyze(r.csv.toString(), settings);
            assertThat(results.of(GazeTables.SACCADES)).as(detector.name()).hasSize(20);
            assertThat(results.of(GazeTables.RECORDINGS).get(0).detector()).isEqualTo(detector.name());
        }
    }

    @Test
    void computesAreaOfInterestMetrics() throws Exception {
        PlantedRecording r = new PlantedRecording(1000, SCREEN, 3).fixation(300) // centre
                .saccade(300, 300, 300).fixation(200) // in "left"
                .saccade(960, 540, 300).fixation(250) // centre
                .saccade(320, 310, 300).fixation(400); // "left" again
        GazeSettings settings = new GazeSettings(SCREEN, 0, dev.sightline.gaze.format.ColumnMapping.AUTO,
                CleaningSettings.DEFAULTS, new AdaptiveDetector(), List.of(Aoi.rectangle("left", 200, 200, 300, 300),
                Aoi.parse("centre", "polygon 900,500 1020,500 1020,580 900,580")), 30);
        CollectedRows results = analyze(r.csv.toString(), settings);
        GazeRows.AoiMetrics left = results.of(GazeTables.AOI_METRICS).stream().filter(a -> a.aoiName().equals("left")).findFirst().orElseThrow();
        assertThat(left.fixationCount()).isEqualTo(2);
        assertThat(left.visits()).isEqualTo(2);
        assertThat(left.revisits()).isEqualTo(1);
        assertThat(left.dwellTimeMs()).isCloseTo(600, within(6.0)); // each fixation within a sample at both ends
        double firstLeftFixation = r.of("fixation").get(1).start();
        assertThat(left.timeToFirstFixationMs()).isCloseTo(firstLeftFixation, within(1.01));
        GazeRows.AoiMetrics centre = results.of(GazeTables.AOI_METRICS).stream().filter(a -> a.aoiName().equals("centre")).findFirst().orElseThrow();
        assertThat(centre.fixationCount()).isEqualTo(2);
        assertThat(centre.timeToFirstFixationMs()).isCloseTo(0, within(1.01));
    }

    @Test
    void mergesFixationsAcrossAMicroSaccadeWhenAsked() throws Exception {
        PlantedRecording r = new PlantedRecording(1000, SCREEN, 8).fixation(300)
                .saccade(968, 540, 100).fixation(300) // 8 px (0.2 deg) away: a micro-saccade
                .saccade(1500, 800, 300).fixation(300);
        GazeSettings plain = new GazeSettings(SCREEN, 0, dev.sightline.gaze.format.ColumnMapping.AUTO,
                CleaningSettings.DEFAULTS, new IvtDetector(30, 20), List.of(), 30);
        assertThat(analyze(r.csv.toString(), plain).of(GazeTables.FIXATIONS)).hasSize(3);
        GazeSettings merging = new GazeSettings(SCREEN, 0, dev.sightline.gaze.format.ColumnMapping.AUTO,
                CleaningSettings.DEFAULTS, new IvtDetector(30, 20), List.of(), 30, new FixationMerger(75, 0.5));
        CollectedRows merged = analyze(r.csv.toString(), merging);
        assertThat(merged.of(GazeTables.FIXATIONS)).hasSize(2);
        assertThat(merged.of(GazeTables.FIXATIONS).get(0).durationMs()).isGreaterThan(590);
        assertThat(merged.of(GazeTables.RECORDINGS).get(0).parameters()).contains("\"merge.max_gap_ms\":75.0");
    }

    @Test
    void smoothPursuitsBetweenSaccadesComeOutAsPursuitsWithTheirSpeedAndDirection() throws Exception {
        PlantedRecording r = new PlantedRecording(500, SCREEN, 21).fixation(400)
                .saccade(400, 300, 300).pursuit(800, 8, 0) // rightwards at 8 deg/s
                .saccade(1400, 700, 300).fixation(500)
                .saccade(900, 800, 300).pursuit(600, 12, 90) // upwards at 12 deg/s
                .saccade(500, 500, 300).fixation(400);
        GazeSettings settings = new GazeSettings(SCREEN, 0, dev.sightline.gaze.format.ColumnMapping.AUTO,
                CleaningSettings.DEFAULTS, new AdaptiveDetector(), List.of(), 30);
        CollectedRows results = analyze(r.csv.toString(), settings);

        List<GazeRows.Pursuit> pursuits = results.of(GazeTables.PURSUITS);
        List<PlantedRecording.Event> planted = r.of("pursuit");
        assertThat(pursuits).hasSameSizeAs(planted);
        double period = 2;
        for (int i = 0; i < planted.size(); i++) {
            // The low-pass filter rounds the corners: the ends may move in by a little.
            assertThat(pursuits.get(i).startTimeMs()).isCloseTo(planted.get(i).start() * period, within(80.0));
            assertThat(pursuits.get(i).endTimeMs()).isCloseTo(planted.get(i).end() * period, within(80.0));
        }
        assertThat(pursuits.get(0).meanVelocityDegS()).isCloseTo(8, within(1.5));
        assertThat(pursuits.get(0).directionDeg()).isCloseTo(0, within(5.0));
        assertThat(pursuits.get(1).meanVelocityDegS()).isCloseTo(12, within(2.0));
        assertThat(pursuits.get(1).directionDeg()).isCloseTo(90, within(5.0));
        assertThat(pursuits.get(1).amplitudeDeg()).isCloseTo(12 * 0.6, within(1.5));
        assertThat(results.of(GazeTables.FIXATIONS)).as("the fixations stay fixations").hasSize(3);
        assertThat(results.of(GazeTables.SACCADES)).hasSize(4);
    }

    /** The messages of the dead letters for lines that could not be used. */
    private static List<String> problems(CollectedRows rows) {
        return rows.of(LedgerTables.DEAD_LETTERS).stream().map(DeadLetter::message).toList();
    }
}
