package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scene cuts on videos concatenated from FFmpeg's synthetic sources, with known cut frames. */
class SceneAccuracyTest {

    @TempDir
    Path dir;

    @Test
    void theAdaptiveDetectorFindsEveryCutBetweenSyntheticClips() throws Exception {
        assumeTrue(SceneAccuracyBenchmark.lavfiAvailable(),
                "FFmpeg's lavfi sources need libavdevice, which needs libpulse.so.0 (apt-get install libpulse0)");
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int seed = 0; seed < 2; seed++) {
            Path video = dir.resolve("concat-" + seed + ".mp4");
            List<Long> truth = SceneAccuracyBenchmark.writeConcatenation(video, 320, 180, 6, 100 + seed);
            assertThat(truth).hasSize(5);
            SceneAccuracyBenchmark.Score adaptive = SceneAccuracyBenchmark.score(video, truth).get(1);
            assertThat(adaptive.detector()).isEqualTo("adaptive");
            tp += adaptive.truePositives();
            fp += adaptive.falsePositives();
            fn += adaptive.falseNegatives();
        }
        SceneAccuracyBenchmark.Score total = new SceneAccuracyBenchmark.Score("adaptive", tp, fp, fn);
        assertThat(total.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(total.recall()).isGreaterThanOrEqualTo(0.9);
    }
}
