package dev.sightline.gaze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DegreeTableTest {

    @Test
    void matchesTheExactGeometryEverywhere() {
        ScreenGeometry g = new ScreenGeometry(1024, 768, 380, 300, 670);
        DegreeTable x = new DegreeTable(g.widthPx(), g.widthMm(), g.distanceMm());
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            double px = -3000 + random.nextDouble() * 6000; // on and far off the table
            assertThat(x.degrees(px)).isCloseTo(g.xDeg(px), within(1e-8));
        }
        assertThat(x.degrees(512)).isCloseTo(0, within(1e-12));
        assertThat(x.degrees(Double.NaN)).isNaN();
        // 1024 px span 380 mm at 670 mm: the right edge is atan(190 / 670) = 15.83 degrees out.
        assertThat(x.degrees(1024)).isCloseTo(Math.toDegrees(Math.atan(190.0 / 670)), within(1e-9));
    }
}
