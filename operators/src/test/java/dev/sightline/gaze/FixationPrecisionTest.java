package dev.sightline.gaze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** RMS-S2S and BCEA of fixations with white noise of known spread, as the formulas give them. */
class FixationPrecisionTest {

    private static final int SAMPLES = 400;

    /** Fixations at different places with independent noise of {@code sdX}, {@code sdY} and correlation {@code rho}. */
    private static FixationPrecision measure(double sdX, double sdY, double rho, int fixations, long seed) {
        Random random = new Random(seed);
        double[] x = new double[SAMPLES * fixations];
        double[] y = new double[SAMPLES * fixations];
        for (int f = 0; f < fixations; f++) {
            double cx = random.nextDouble() * 20 - 10;
            double cy = random.nextDouble() * 10 - 5;
            for (int k = 0; k < SAMPLES; k++) {
                double a = random.nextGaussian();
                double b = rho * a + Math.sqrt(1 - rho * rho) * random.nextGaussian();
                x[f * SAMPLES + k] = cx + sdX * a;
                y[f * SAMPLES + k] = cy + sdY * b;
            }
        }
        FixationPrecision precision = new FixationPrecision();
        for (int f = 0; f < fixations; f++) {
            precision.fixation(x, y, f * SAMPLES, (f + 1) * SAMPLES);
        }
        return precision;
    }

    @Test
    void whiteNoiseGivesTheTextbookValues() {
        FixationPrecision p = measure(0.05, 0.03, 0, 9, 1);
        // successive differences of white noise: variance 2 sd^2 per axis
        assertThat(p.rmsS2sDeg()).isCloseTo(Math.sqrt(2 * (0.05 * 0.05 + 0.03 * 0.03)), within(0.004));
        assertThat(p.bceaDeg2()).isCloseTo(2 * Math.PI * -Math.log(0.32) * 0.05 * 0.03, within(0.0008));
    }

    @Test
    void correlatedNoiseHasASmallerEllipse() {
        double independent = measure(0.05, 0.05, 0, 9, 2).bceaDeg2();
        double correlated = measure(0.05, 0.05, 0.8, 9, 2).bceaDeg2();
        assertThat(correlated / independent).isCloseTo(Math.sqrt(1 - 0.8 * 0.8), within(0.05));
    }

    @Test
    void gapsAreNotStepsAndShortFixationsDoNotCount() {
        double[] x = {0, 0.1, Double.NaN, 5.0, 5.1, 9, 9};
        double[] y = {0, 0, Double.NaN, 0, 0, 0, 0};
        FixationPrecision p = new FixationPrecision();
        p.fixation(x, y, 0, 5); // steps 0.1 and 0.1; the jump across the gap is not one
        p.fixation(x, y, 5, 7); // two samples: no estimate
        assertThat(p.rmsS2sDeg()).isCloseTo(0.1, within(1e-9));
        assertThat(new FixationPrecision().rmsS2sDeg()).isNaN();
    }
}
