package dev.sightline.gaze;

import java.io.Serializable;
import java.util.Map;

/**
 * Classifies the samples of a cleaned trace into fixations, saccades and post-saccadic
 * oscillations. Samples cleaning labelled (blinks) or that have no position stay as they are.
 */
public interface EventDetector extends Serializable {

    /** The detector's name in result tables. */
    String name();

    /** Every parameter, for the record kept with the results. */
    Map<String, Object> parameters();

    /** Labels the usable samples of {@code trace} (positions in degrees and velocity set). */
    void classify(GazeTrace trace, double rateHz);

    /** True when sample {@code i} has a position and awaits a label. */
    static boolean open(GazeTrace t, int i) {
        return t.labels[i] == GazeLabel.NONE && (t.valid[i] || t.interpolated[i]);
    }

    /**
     * Turns runs of {@code FIXATION} shorter than {@code minSamples} into {@code UNDEFINED}.
     */
    static void dropShortFixations(GazeTrace t, int minSamples) {
        int i = 0;
        while (i < t.size) {
            if (t.labels[i] != GazeLabel.FIXATION) {
                i++;
                continue;
            }
            int start = i;
            while (i < t.size && t.labels[i] == GazeLabel.FIXATION) {
                i++;
            }
            if (i - start < minSamples) {
                for (int k = start; k < i; k++) {
                    t.labels[k] = GazeLabel.UNDEFINED;
                }
            }
        }
    }
}
