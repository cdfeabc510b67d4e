package dev.sightline.bench;

import dev.sightline.gaze.AdaptiveDetector;
import dev.sightline.gaze.CleaningSettings;
import dev.sightline.gaze.EventDetector;
import dev.sightline.gaze.GazeLabel;
import dev.sightline.gaze.GazeTrace;
import dev.sightline.gaze.IdtDetector;
import dev.sightline.gaze.IvtDetector;
import dev.sightline.gaze.ScreenGeometry;
import dev.sightline.gaze.TraceCleaner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Scores event detectors against the human coders of the Lund 2013 set like Andersson et al.
 * (2017): sample-level binary Cohen's kappa per event class and stimulus type, pooled over the
 * recordings whose two codings have equal length. The default detector's parameters are also
 * tuned by leave-one-subject-out cross-validation and its held-out figures reported.
 */
public final class GazeAccuracyBenchmark {

    /** Lund 2013: 500 Hz, 1024x768 px on 380x300 mm at 670 mm. */
    public static final ScreenGeometry LUND_GEOMETRY = new ScreenGeometry(1024, 768, 380, 300, 670);
    public static final double LUND_RATE_HZ = 500;
    /** The reference detectors see a 20 ms velocity filter, as is usual for them. */
    private static final CleaningSettings REFERENCE_CLEANING = CleaningSettings.DEFAULTS.withVelocityWindowMs(20);
    private static final byte[] CLASSES = {GazeLabel.FIXATION, GazeLabel.SACCADE, GazeLabel.PSO, GazeLabel.PURSUIT};
    private static final List<String> STIMULI = List.of("img", "dots");
    private static final List<String> CODERS = List.of("MN", "RA");

    /** One detector set-up: cleaning and detector. */
    public record Candidate(String label, CleaningSettings cleaning, EventDetector detector) {}

    /** Agreement tables per stimulus type, coder and class. */
    private static final class Scores {
        final Map<String, Kappa> tables = new TreeMap<>();

        Kappa table(String stimulus, String coder, byte label) {
            return tables.computeIfAbsent(stimulus + "/" + coder + "/" + label, k -> new Kappa());
        }

        void add(Scores other) {
            other.tables.forEach((k, v) -> tables.computeIfAbsent(k, x -> new Kappa()).add(v));
        }

        double kappa(String stimulus, byte label) {
            Kappa pooled = new Kappa();
            for (String coder : CODERS) {
                pooled.add(table(stimulus, coder, label));
            }
            return pooled.value();
        }

        /** What tuning the saccade stage maximises: image fixation and saccade, dots saccade, PSO a little. */
        double objective() {
            return kappa("img", GazeLabel.FIXATION) + kappa("img", GazeLabel.SACCADE) + kappa("dots", GazeLabel.SACCADE)
                    + 0.25 * (kappa("img", GazeLabel.PSO) + kappa("dots", GazeLabel.PSO));
        }

        /**
         * What tuning the pursuit stage maximises: fixation and pursuit on moving dots, minus ten
         * times any image fixation lost against the same detector without pursuit separation.
         */
        double pursuitObjective(double imageFixationWithout) {
            return kappa("dots", GazeLabel.FIXATION) + kappa("dots", GazeLabel.PURSUIT)
                    - 10 * Math.max(0, imageFixationWithout - kappa("img", GazeLabel.FIXATION));
        }
    }

    private final List<LabelledRecording[]> pairs;

    private GazeAccuracyBenchmark(List<LabelledRecording[]> pairs) {
        this.pairs = pairs;
    }

    /** Loads every MN/RA pair of equal length under {@code folder}. */
    public static GazeAccuracyBenchmark load(Path folder) throws IOException {
        Map<String, Map<String, LabelledRecording>> byKey = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains("_labelled_")).sorted().toList()) {
                LabelledRecording r = LabelledRecording.read(file);
                byKey.computeIfAbsent(r.key(), k -> new TreeMap<>()).put(r.coder(), r);
            }
        }
        List<LabelledRecording[]> pairs = new ArrayList<>();
        for (Map<String, LabelledRecording> coders : byKey.values()) {
            LabelledRecording mn = coders.get("MN");
            LabelledRecording ra = coders.get("RA");
            if (mn != null && ra != null && mn.labels().length == ra.labels().length) {
                pairs.add(new LabelledRecording[] {mn, ra});
            }
        }
        if (pairs.isEmpty()) {
            throw new IOException("no MN/RA pairs of equal length in " + folder);
        }
        return new GazeAccuracyBenchmark(pairs);
    }

    /** The labels a candidate gives one recording. */
    public static byte[] detect(LabelledRecording recording, Candidate candidate) {
        int n = recording.xPx().length;
        GazeTrace trace = new GazeTrace(n);
        long periodUs = Math.round(1_000_000 / LUND_RATE_HZ);
        for (int i = 0; i < n; i++) {
            double x = recording.xPx()[i];
            double y = recording.yPx()[i];
            boolean valid = !Double.isNaN(x) && !Double.isNaN(y) && !(x == 0 && y == 0);
            trace.add(i * periodUs, x, y, Double.NaN, valid);
        }
        new TraceCleaner(candidate.cleaning(), LUND_GEOMETRY, LUND_RATE_HZ).clean(trace);
        candidate.detector().classify(trace, LUND_RATE_HZ);
        return trace.labels();
    }

    private Scores score(Candidate candidate, java.util.function.Predicate<String> subjects) {
        Scores scores = new Scores();
        for (LabelledRecording[] pair : pairs) {
            if (!subjects.test(pair[0].subject())) {
                continue;
            }
            byte[] detected = detect(pair[0], candidate);
            for (LabelledRecording coded : pair) {
                for (byte label : CLASSES) {
                    scores.table(pair[0].stimulusType(), coded.coder(), label).add(detected, coded.labels(), label);
                }
            }
        }
        return scores;
    }

    private Scores humans() {
        Scores scores = new Scores();
        for (LabelledRecording[] pair : pairs) {
            for (byte label : CLASSES) {
                scores.table(pair[0].stimulusType(), "MN", label).add(pair[1].labels(), pair[0].labels(), label);
            }
        }
        return scores;
    }

    /** The reference detectors with the published parameters, and the default detector. */
    public static List<Candidate> references() {
        return List.of(
                new Candidate("I-VT 45.36 deg/s", REFERENCE_CLEANING, new IvtDetector(45.36, 0)),
                new Candidate("I-DT 2.7 deg 55 ms", REFERENCE_CLEANING, new IdtDetector(2.7, 55)),
                new Candidate("adaptive, no pursuit", CleaningSettings.DEFAULTS,
                        new AdaptiveDetector(AdaptiveDetector.Settings.DEFAULTS.withPursuit(0, 0, 0))),
                new Candidate("adaptive (defaults, all data)", CleaningSettings.DEFAULTS, new AdaptiveDetector()));
    }

    /** The tuning grid of the pursuit stage: filtered-speed threshold, low-pass cut-off, shortest pursuit. */
    static List<AdaptiveDetector.Settings> pursuitGrid(AdaptiveDetector.Settings saccades) {
        List<AdaptiveDetector.Settings> grid = new ArrayList<>();
        for (double velocity : new double[] {1.5, 2, 2.5, 3}) {
            for (double cutoff : new double[] {0.5, 0.6, 0.7, 0.8, 1.0}) {
                for (double minMs : new double[] {40, 80, 150}) {
                    grid.add(saccades.withPursuit(velocity, cutoff, minMs));
                }
            }
        }
        return grid;
    }

    /** The tuning grid of the adaptive detector's saccade stage (pursuit separation off). */
    public static List<Candidate> grid() {
        List<Candidate> grid = new ArrayList<>();
        for (double window : new double[] {3}) {
          for (boolean minima : new boolean[] {true, false}) {
            for (double peakSd : new double[] {3, 4, 5}) {
                for (double onsetSd : new double[] {4, 5, 6}) {
                    for (double noise : new double[] {0.3, 0.6, 0.9}) {
                        for (double pso : new double[] {24, 40}) {
                            for (double minFix : new double[] {20, 40}) {
                                AdaptiveDetector.Settings s = AdaptiveDetector.Settings.DEFAULTS.withPeakSd(peakSd)
                                        .withOnsetSd(onsetSd).withLocalNoiseWeight(noise).withMaxPsoMs(pso).withMinFixationMs(minFix)
                                        .withBoundariesAtMinima(minima).withPursuit(0, 0, 0);
                                grid.add(new Candidate(String.format("sg=%.0fms minima=%s peak=%.0fsd onset=%.0fsd noise=%.1f pso=%.0fms minfix=%.0fms",
                                        window, minima, peakSd, onsetSd, noise, pso, minFix),
                                        CleaningSettings.DEFAULTS.withVelocityWindowMs(window), new AdaptiveDetector(s)));
                            }
                        }
                    }
                }
            }
          }
        }
        return grid;
    }

    /** Runs the benchmark and prints its tables, one per stimulus type. */
    public void run(PrintWriter out, boolean crossValidate) {
        out.printf("Lund 2013: %d recordings with two codings of equal length (%d img, %d dots)%n", pairs.size(),
                pairs.stream().filter(p -> p[0].stimulusType().equals("img")).count(),
                pairs.stream().filter(p -> p[0].stimulusType().equals("dots")).count());
        out.println("Sample-level binary Cohen's kappa per event class, pooled over recordings and both coders");
        out.println("(against MN / against RA in brackets).");
        Map<String, Scores> rows = new LinkedHashMap<>();
        rows.put("human MN vs RA", humans());
        for (Candidate candidate : references()) {
            rows.put(candidate.label(), score(candidate, s -> true));
        }
        if (crossValidate) {
            rows.put("adaptive, LOSO-CV", crossValidate(out));
        }
        for (String stimulus : STIMULI) {
            out.println();
            out.printf("%s%n", stimulus.equals("img") ? "Static images (img)" : "Moving dots (dots)");
            out.printf("%-29s | %-23s | %-23s | %-23s | %-23s%n", "detector", "fixation", "saccade", "PSO", "pursuit");
            out.println("-".repeat(29) + ("-+-" + "-".repeat(23)).repeat(4));
            rows.forEach((label, scores) -> out.printf("%-29s | %-23s | %-23s | %-23s | %-23s%n", label,
                    cell(scores, stimulus, GazeLabel.FIXATION, label.startsWith("human")),
                    cell(scores, stimulus, GazeLabel.SACCADE, label.startsWith("human")),
                    cell(scores, stimulus, GazeLabel.PSO, label.startsWith("human")),
                    cell(scores, stimulus, GazeLabel.PURSUIT, label.startsWith("human"))));
        }
        out.println();
        out.println("Published (Andersson et al. 2017), fixation / saccade, img | dots: I-VT .67/.75 | .03/.63;");
        out.println("I-DT .20/0 | .00/0; I-HMM .67/.69 | .03/.60; LNS (best saccade) - /.81 | - /.75.");
        out.println("Published REMoDNaV (Dar, Wagner & Hanke 2021, their table of Cohen's kappa; against MN / RA): img fixation .52/.55,");
        out.println("saccade .78/.78, PSO .58/.59; dots fixation .45/.37, saccade .78/.72, PSO .41/.38 (no pursuit kappa published).");
        out.flush();
    }

    /** The pursuit settings that score best on every subject with the given saccade candidate. */
    private String bestPursuitOnAll(Candidate saccades, Map<String, Scores> withoutPursuit) {
        Scores without = new Scores();
        withoutPursuit.values().forEach(without::add);
        double imageFixationWithout = without.kappa("img", GazeLabel.FIXATION);
        AdaptiveDetector.Settings best = null;
        double bestObjective = Double.NEGATIVE_INFINITY;
        for (AdaptiveDetector.Settings settings : pursuitGrid(((AdaptiveDetector) saccades.detector()).settings())) {
            double objective = score(new Candidate("pursuit", saccades.cleaning(), new AdaptiveDetector(settings)), s -> true)
                    .pursuitObjective(imageFixationWithout);
            if (objective > bestObjective) {
                bestObjective = objective;
                best = settings;
            }
        }
        return String.format("pursuit=%.1fdeg/s lowpass=%.1fHz min=%.0fms", best.pursuitDegPerS(), best.pursuitCutoffHz(), best.minPursuitMs());
    }

    private static String cell(Scores s, String stimulus, byte label, boolean humans) {
        double mn = s.table(stimulus, "MN", label).value();
        if (humans) {
            return String.format("%.3f", mn);
        }
        double ra = s.table(stimulus, "RA", label).value();
        return String.format("%.3f (%.2f / %.2f)", s.kappa(stimulus, label), mn, ra);
    }

    /**
     * Leave one subject out: for each subject, picks the grid candidate that scores best on the
     * others and labels the held-out subject with it; returns the pooled held-out scores.
     */
    private Scores crossValidate(PrintWriter out) {
        List<Candidate> grid = grid();
        TreeSet<String> subjects = new TreeSet<>();
        pairs.forEach(p -> subjects.add(p[0].subject()));
        // Per candidate and subject, the agreement tables: the folds only add them up.
        List<Map<String, Scores>> perSubject = new ArrayList<>();
        for (Candidate candidate : grid) {
            Map<String, Scores> bySubject = new LinkedHashMap<>();
            for (String subject : subjects) {
                bySubject.put(subject, score(candidate, subject::equals));
            }
            perSubject.add(bySubject);
        }
        Scores heldOut = new Scores();
        Map<String, Integer> chosen = new TreeMap<>();
        Map<String, Integer> bestPerFold = new TreeMap<>();
        for (String subject : subjects) {
            int best = -1;
            double bestObjective = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < grid.size(); c++) {
                Scores training = new Scores();
                for (Map.Entry<String, Scores> e : perSubject.get(c).entrySet()) {
                    if (!e.getKey().equals(subject)) {
                        training.add(e.getValue());
                    }
                }
                double objective = training.objective();
                if (objective > bestObjective) {
                    bestObjective = objective;
                    best = c;
                }
            }
            bestPerFold.put(subject, best);
            chosen.merge(grid.get(best).label(), 1, Integer::sum);
        }
        // Stage two: with each fold's saccade settings, the pursuit settings best on the other subjects.
        Map<Integer, List<Map<String, Scores>>> pursuitScores = new TreeMap<>();
        Map<String, Integer> chosenPursuit = new TreeMap<>();
        for (String subject : subjects) {
            int c = bestPerFold.get(subject);
            AdaptiveDetector.Settings saccades = ((AdaptiveDetector) grid.get(c).detector()).settings();
            List<AdaptiveDetector.Settings> pursuits = pursuitGrid(saccades);
            List<Map<String, Scores>> perCandidate = pursuitScores.computeIfAbsent(c, k -> {
                List<Map<String, Scores>> scores = new ArrayList<>();
                for (AdaptiveDetector.Settings settings : pursuits) {
                    Candidate candidate = new Candidate("pursuit", grid.get(k).cleaning(), new AdaptiveDetector(settings));
                    Map<String, Scores> bySubject = new LinkedHashMap<>();
                    for (String s : subjects) {
                        bySubject.put(s, score(candidate, s::equals));
                    }
                    scores.add(bySubject);
                }
                return scores;
            });
            Scores without = new Scores();
            perSubject.get(c).forEach((s, scores) -> {
                if (!s.equals(subject)) {
                    without.add(scores);
                }
            });
            double imageFixationWithout = without.kappa("img", GazeLabel.FIXATION);
            int best = -1;
            double bestObjective = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < perCandidate.size(); p++) {
                Scores training = new Scores();
                for (Map.Entry<String, Scores> e : perCandidate.get(p).entrySet()) {
                    if (!e.getKey().equals(subject)) {
                        training.add(e.getValue());
                    }
                }
                double objective = training.pursuitObjective(imageFixationWithout);
                if (objective > bestObjective) {
                    bestObjective = objective;
                    best = p;
                }
            }
            heldOut.add(perCandidate.get(best).get(subject));
            AdaptiveDetector.Settings picked = pursuits.get(best);
            chosenPursuit.merge(String.format("pursuit=%.1fdeg/s lowpass=%.1fHz min=%.0fms", picked.pursuitDegPerS(),
                    picked.pursuitCutoffHz(), picked.minPursuitMs()), 1, Integer::sum);
        }
        int bestAll = 0;
        double bestAllObjective = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < grid.size(); c++) {
            Scores all = new Scores();
            perSubject.get(c).values().forEach(all::add);
            if (all.objective() > bestAllObjective) {
                bestAllObjective = all.objective();
                bestAll = c;
            }
        }
        out.printf("(cross-validation: %d saccade-stage candidates, then %d pursuit-stage candidates, %d folds;%n chosen per fold: %s;%n %s)%n",
                grid.size(), pursuitGrid(AdaptiveDetector.Settings.DEFAULTS).size(), subjects.size(), chosen, chosenPursuit);
        out.printf("(saccade stage best on all subjects: %s; pursuit stage best on all subjects with it: %s)%n", grid.get(bestAll).label(),
                bestPursuitOnAll(grid.get(bestAll), perSubject.get(bestAll)));
        return heldOut;
    }
}
