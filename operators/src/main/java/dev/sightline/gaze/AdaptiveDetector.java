package dev.sightline.gaze;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default detector, after Nyström and Holmqvist (2010): velocity thresholds estimated from
 * the data (peak threshold {@code mean + peakSd * sd} of the samples below it, iterated to a
 * fixed point; onset threshold {@code mean + onsetSd * sd}), saccade onsets and offsets at
 * velocity minima, an offset threshold that follows the noise just before each saccade, and
 * post-saccadic oscillations (glissades) labelled separately. Between saccades, smooth pursuit is
 * told from fixation by the speed of the low-pass filtered gaze ({@link PursuitSeparation}).
 * Everything else that lasts long enough is a fixation.
 */
public final class AdaptiveDetector implements EventDetector {
    private static final long serialVersionUID = 1L;

    /** Tunable parameters; {@link #DEFAULTS} are the cross-validated values (docs/benchmarks.md). */
    public record Settings(
            double initialPeakDegPerS,
            double peakSd,
            double onsetSd,
            double localNoiseWeight,
            double localNoiseWindowMs,
            double minSaccadeMs,
            double maxPsoMs,
            double minFixationMs,
            boolean boundariesAtMinima,
            double pursuitDegPerS,
            double pursuitCutoffHz,
            double minPursuitMs) implements java.io.Serializable {

        /**
         * Chosen by leave-one-subject-out cross-validation on the Lund 2013 set (docs/benchmarks.md):
         * first the saccade stage, then the pursuit stage with it (2.5 deg/s of gaze low-pass
         * filtered at 0.8 Hz, pursuits of at least 150 ms). Nyström and Holmqvist's published
         * values are 6 sd, 3 sd, weight 0.3, boundaries at minima; REMoDNaV's pursuit defaults
         * are 2 deg/s at 4 Hz.
         */
        public static final Settings DEFAULTS = new Settings(100, 4, 4, 0.3, 40, 10, 40, 20, false, 2.5, 0.8, 150);

        public Settings withBoundariesAtMinima(boolean v) {
            return new Settings(initialPeakDegPerS, peakSd, onsetSd, localNoiseWeight, localNoiseWindowMs, minSaccadeMs, maxPsoMs, minFixationMs, v,
                    pursuitDegPerS, pursuitCutoffHz, minPursuitMs);
        }

        public Settings withPeakSd(double v) {
            return new Settings(initialPeakDegPerS, v, onsetSd, localNoiseWeight, localNoiseWindowMs, minSaccadeMs, maxPsoMs, minFixationMs, boundariesAtMinima,
                    pursuitDegPerS, pursuitCutoffHz, minPursuitMs);
        }

        public Settings withOnsetSd(double v) {
            return new Settings(initialPeakDegPerS, peakSd, v, localNoiseWeight, localNoiseWindowMs, minSaccadeMs, maxPsoMs, minFixationMs, boundariesAtMinima,
                    pursuitDegPerS, pursuitCutoffHz, minPursuitMs);
        }

        public Settings withMaxPsoMs(double v) {
            return new Settings(initialPeakDegPerS, peakSd, onsetSd, localNoiseWeight, localNoiseWindowMs, minSaccadeMs, v, minFixationMs, boundariesAtMinima,
                    pursuitDegPerS, pursuitCutoffHz, minPursuitMs);
        }

        public Settings withMinFixationMs(double v) {
            return new Settings(initialPeakDegPerS, peakSd, onsetSd, localNoiseWeight, localNoiseWindowMs, minSaccadeMs, maxPsoMs, v, boundariesAtMinima,
                    pursuitDegPerS, pursuitCutoffHz, minPursuitMs);
        }

        /** Pursuit where the low-pass filtered gaze moves faster than {@code degPerS}; 0 for no pursuit. */
        public Settings withPursuit(double degPerS, double cutoffHz, double minMs) {
            return new Settings(initialPeakDegPerS, peakSd, onsetSd, localNoiseWeight, localNoiseWindowMs, minSaccadeMs, maxPsoMs, minFixationMs,
                    boundariesAtMinima, degPerS, cutoffHz, minMs);
        }

        public Settings withLocalNoiseWeight(double v) {
            return new Settings(initialPeakDegPerS, peakSd, onsetSd, v, localNoiseWindowMs, minSaccadeMs, maxPsoMs, minFixationMs, boundariesAtMinima,
                    pursuitDegPerS, pursuitCutoffHz, minPursuitMs);
        }
    }

    private final Settings settings;

    public AdaptiveDetector(Settings settings) {
        this.settings = settings;
    }

    public AdaptiveDetector() {
        this(Settings.DEFAULTS);
    }

    /** Its settings. */
    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "adaptive";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("initial_peak_threshold_deg_s", settings.initialPeakDegPerS());
        p.put("peak_threshold_sd", settings.peakSd());
        p.put("onset_threshold_sd", settings.onsetSd());
        p.put("local_noise_weight", settings.localNoiseWeight());
        p.put("local_noise_window_ms", settings.localNoiseWindowMs());
        p.put("min_saccade_ms", settings.minSaccadeMs());
        p.put("max_pso_ms", settings.maxPsoMs());
        p.put("min_fixation_ms", settings.minFixationMs());
        p.put("boundaries_at_velocity_minima", settings.boundariesAtMinima());
        p.put("pursuit_threshold_deg_s", settings.pursuitDegPerS());
        p.put("pursuit_lowpass_hz", settings.pursuitCutoffHz());
        p.put("min_pursuit_ms", settings.minPursuitMs());
        return p;
    }

    /** The thresholds found in a trace: peak, onset (deg/s). */
    public record Thresholds(double peak, double onset) {}

    /** Estimates the peak and onset thresholds from the velocities of the open samples. */
    public Thresholds thresholds(GazeTrace t) {
        double peak = settings.initialPeakDegPerS();
        double mean = 0;
        double sd = 0;
        for (int iteration = 0; iteration < 200; iteration++) {
            double sum = 0;
            double sumSq = 0;
            long count = 0;
            for (int i = 0; i < t.size; i++) {
                double v = t.velocity[i];
                if (v < peak && EventDetector.open(t, i)) { // NaN compares false
                    sum += v;
                    sumSq += v * v;
                    count++;
                }
            }
            if (count < 2) {
                break;
            }
            mean = sum / count;
            sd = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
            double next = mean + settings.peakSd() * sd;
            boolean converged = Math.abs(next - peak) < 1;
            peak = next;
            if (converged) {
                break;
            }
        }
        return new Thresholds(peak, mean + settings.onsetSd() * sd);
    }

    @Override
    public void classify(GazeTrace t, double rateHz) {
        int n = t.size;
        Thresholds thresholds = thresholds(t);
        double peak = thresholds.peak();
        double onsetThreshold = thresholds.onset();
        int minSaccade = Math.max(1, (int) Math.round(settings.minSaccadeMs() * rateHz / 1000));
        int maxPso = (int) Math.round(settings.maxPsoMs() * rateHz / 1000);
        int noiseWindow = Math.max(2, (int) Math.round(settings.localNoiseWindowMs() * rateHz / 1000));
        double[] v = t.velocity;
        boolean minima = settings.boundariesAtMinima();

        int lastEnd = -1; // last sample already given to a saccade or PSO
        int i = 0;
        while (i < n) {
            if (!(v[i] > peak) || !EventDetector.open(t, i)) {
                i++;
                continue;
            }
            int peakStart = i;
            while (i < n && v[i] > peak && EventDetector.open(t, i)) {
                i++;
            }
            int peakEnd = i - 1;
            if (peakStart <= lastEnd) {
                continue; // part of the previous saccade's tail
            }
            // Onset: back from the peak to the first velocity minimum under the onset threshold.
            int onset = peakStart;
            while (onset - 1 > lastEnd && EventDetector.open(t, onset - 1) && !Double.isNaN(v[onset - 1])
                    && !(v[onset] < onsetThreshold && (!minima || v[onset - 1] >= v[onset]))) {
                onset--;
            }
            // Offset threshold mixes the onset threshold with the noise just before the saccade.
            double offsetThreshold = offsetThreshold(t, onset, noiseWindow, onsetThreshold);
            int offset = peakEnd;
            while (offset + 1 < n && EventDetector.open(t, offset + 1) && !Double.isNaN(v[offset + 1])
                    && !(v[offset] < offsetThreshold && (!minima || v[offset + 1] >= v[offset]))) {
                offset++;
            }
            if (offset - onset + 1 < minSaccade) {
                i = Math.max(i, offset + 1);
                continue;
            }
            for (int k = onset; k <= offset; k++) {
                t.labels[k] = GazeLabel.SACCADE;
            }
            lastEnd = offset;
            // Glissade: a velocity bump over the offset threshold within the PSO window after the offset.
            // A bump is two or more consecutive samples over the threshold: one is noise.
            int psoEnd = -1;
            int above = 0;
            for (int k = offset + 1; k <= Math.min(n - 1, offset + maxPso); k++) {
                if (!EventDetector.open(t, k) || Double.isNaN(v[k])) {
                    break;
                }
                above = v[k] > offsetThreshold ? above + 1 : 0;
                if (above >= 2) {
                    psoEnd = k;
                }
            }
            if (psoEnd > 0) {
                int end = psoEnd;
                while (end + 1 < n && EventDetector.open(t, end + 1) && !Double.isNaN(v[end + 1])
                        && !(v[end] < offsetThreshold && (!minima || v[end + 1] >= v[end]))) {
                    end++;
                }
                for (int k = offset + 1; k <= end; k++) {
                    t.labels[k] = GazeLabel.PSO;
                }
                lastEnd = end;
            }
            i = Math.max(i, lastEnd + 1);
        }
        if (settings.pursuitDegPerS() > 0) {
            new PursuitSeparation(new PursuitSeparation.Settings(settings.pursuitDegPerS(), settings.pursuitCutoffHz(),
                    settings.minPursuitMs()), rateHz).label(t);
        }
        for (int k = 0; k < n; k++) {
            if (EventDetector.open(t, k) && !Double.isNaN(v[k])) {
                t.labels[k] = GazeLabel.FIXATION;
            }
        }
        absorbBlinkArtefacts(t);
        EventDetector.dropShortFixations(t, (int) Math.ceil(settings.minFixationMs() * rateHz / 1000));
    }

    /**
     * The eyelid distorts the pupil image as it closes and opens: the tracker reports fast drifts
     * right before and after the lost samples of a blink. Saccade-like runs that touch a blink are
     * part of it.
     */
    static void absorbBlinkArtefacts(GazeTrace t) {
        int n = t.size;
        for (int i = 0; i < n; i++) {
            if (t.labels[i] != GazeLabel.BLINK) {
                continue;
            }
            // Backwards from the blink's first sample.
            for (int k = i - 1; k >= 0 && isArtefact(t.labels[k]); k--) {
                t.labels[k] = GazeLabel.BLINK;
            }
            int end = i;
            while (end < n && t.labels[end] == GazeLabel.BLINK) {
                end++;
            }
            for (int k = end; k < n && isArtefact(t.labels[k]); k++) {
                t.labels[k] = GazeLabel.BLINK;
                end = k + 1;
            }
            i = end;
        }
    }

    private static boolean isArtefact(byte label) {
        return label == GazeLabel.SACCADE || label == GazeLabel.PSO || label == GazeLabel.NONE || label == GazeLabel.UNDEFINED;
    }

    private double offsetThreshold(GazeTrace t, int onset, int window, double onsetThreshold) {
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        for (int k = Math.max(0, onset - window); k < onset; k++) {
            double v = t.velocity[k];
            if (!Double.isNaN(v) && (t.valid[k] || t.interpolated[k]) && t.labels[k] != GazeLabel.SACCADE && t.labels[k] != GazeLabel.PSO) {
                sum += v;
                sumSq += v * v;
                count++;
            }
        }
        if (count < 2) {
            return onsetThreshold;
        }
        double mean = sum / count;
        double sd = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
        double w = settings.localNoiseWeight();
        return (1 - w) * onsetThreshold + w * (mean + 3 * sd);
    }
}
