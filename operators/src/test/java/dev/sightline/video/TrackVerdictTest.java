package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrackVerdictTest {

    /** A track of {@code n} boxes walking {@code step} px a box, with motion on every {@code movingEvery}-th box (0: none known). */
    private static TrackEvidence.Features walker(String label, int n, double score, double step, int movingEvery, double jitter) {
        TrackEvidence e = new TrackEvidence(label);
        for (int i = 0; i < n; i++) {
            double h = 100 * (1 + (i % 2 == 0 ? jitter : -jitter));
            double moving = movingEvery < 0 ? Double.NaN : (movingEvery > 0 && i % movingEvery == 0 ? 1 : 0);
            e.add(i * 0.2, new Box(100 + i * step, 300, h / 2, h), score, moving);
        }
        return e.features(576);
    }

    @Test
    void featuresSayHowTheTrackBehaved() {
        TrackEvidence.Features f = walker("person", 11, 1.5, 10, 2, 0.1);
        assertThat(f.detections()).isEqualTo(11);
        assertThat(f.totalScore()).isCloseTo(16.5, within(1e-9));
        assertThat(f.travelHeights()).isCloseTo(1.0, within(0.02)); // 100 px over a mean height of about 100
        assertThat(f.heightVariation()).isCloseTo(0.1, within(0.01));
        assertThat(f.movingShare()).isCloseTo(6 / 11.0, within(1e-9));
        assertThat(f.bottomShare()).isCloseTo(400 / 576.0, within(0.01));
    }

    @Test
    void aWalkingPersonIsKeptAStillThingWithoutMotionIsNot() {
        TrackVerdict v = TrackVerdict.DEFAULTS;
        assertThat(v.plausible(walker("person", 20, 1.2, 10, 0, 0.02))).isTrue(); // travels, nothing else needed
        assertThat(v.plausible(walker("person", 20, 1.2, 0, 0, 0.02))).isFalse(); // a bottle, a lamp post
        assertThat(v.reason(walker("person", 20, 1.2, 0, 0, 0.02))).isEqualTo("still, with nothing moving on it");
        assertThat(v.plausible(walker("person", 20, 1.2, 0, 2, 0.02))).isTrue(); // standing, but moving
        assertThat(v.plausible(walker("person", 20, 1.2, 0, -1, 0.02))).isTrue(); // no moving regions sought: not judged on it
    }

    @Test
    void littleEvidenceOrAFlickeringSizeIsNoObject() {
        TrackVerdict v = TrackVerdict.DEFAULTS;
        assertThat(v.plausible(walker("person", 3, 0.6, 10, 1, 0.02))).isFalse();
        assertThat(v.reason(walker("person", 3, 0.6, 10, 1, 0.02))).isEqualTo("little evidence");
        assertThat(v.plausible(walker("person", 20, 1.2, 10, 1, 0.6))).isTrue(); // the defaults judge no flicker
        TrackVerdict steady = new TrackVerdict(4, 2, 0.3, 0.1, 0.05);
        assertThat(steady.plausible(walker("person", 20, 1.2, 10, 1, 0.6))).isFalse();
        assertThat(steady.reason(walker("person", 20, 1.2, 10, 1, 0.6))).isEqualTo("flickering size");
        assertThat(steady.plausible(walker("face", 2, 0.7, 0, 0, 0.02))).isFalse(); // 1.4 < 2
        assertThat(steady.plausible(walker("face", 3, 0.7, 0, 0, 0.02))).isTrue(); // faces are not judged on motion
    }

    @Test
    void movingRegionsAndAUsersLabelsAreLeftToTheirOwnThresholds() {
        assertThat(TrackVerdict.DEFAULTS.plausible(walker("moving-object", 3, 0.1, 0, 0, 0.6))).isTrue();
        assertThat(TrackVerdict.DEFAULTS.plausible(walker("sign", 3, 0.1, 0, 0, 0.6))).isTrue();
        assertThat(TrackVerdict.KEEP_ALL.plausible(walker("person", 3, 0.1, 0, 0, 0.6))).isTrue();
    }
}
