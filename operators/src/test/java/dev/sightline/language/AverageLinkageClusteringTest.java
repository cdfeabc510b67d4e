package dev.sightline.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AverageLinkageClusteringTest {

    @Test
    void groupsNearbyVectorsWhateverTheirOrder() {
        List<float[]> vectors = List.of(v(1, 0, 0), v(0, 1, 0), v(0.95f, 0.05f, 0), v(0.05f, 0.95f, 0), v(0, 0, 1));
        assertThat(new AverageLinkageClustering(0.5).clusters(vectors)).containsExactly(List.of(0, 2), List.of(1, 3), List.of(4));
    }

    @Test
    void mergesOnTheMeanDistanceNotTheNearestPair() {
        // unit vectors at 0, 20, 60 and 80 degrees: 0-20 and 60-80 are 0.06 apart, 20-60 only 0.23,
        // but the two pairs are 0.52 apart on average, so they stay apart at 0.3 (single linkage would join them)
        List<float[]> vectors = List.of(angle(0), angle(20), angle(60), angle(80));
        assertThat(new AverageLinkageClustering(0.3).clusters(vectors)).containsExactly(List.of(0, 1), List.of(2, 3));
        assertThat(new AverageLinkageClustering(0.6).clusters(vectors)).containsExactly(List.of(0, 1, 2, 3));
    }

    @Test
    void thresholdZeroJoinsOnlyIdenticalDirections() {
        List<float[]> vectors = List.of(v(1, 0), v(0, 1), v(2, 0));
        assertThat(new AverageLinkageClustering(0).clusters(vectors)).containsExactly(List.of(0, 2), List.of(1));
        assertThat(new AverageLinkageClustering(2).clusters(vectors)).containsExactly(List.of(0, 1, 2));
    }

    @Test
    void handlesNoneAndOne() {
        assertThat(new AverageLinkageClustering(0.5).clusters(List.of())).isEmpty();
        assertThat(new AverageLinkageClustering(0.5).clusters(List.of(v(1, 0)))).containsExactly(List.of(0));
    }

    @Test
    void rejectsThresholdsOutsideTheCosineDistanceRange() {
        assertThatThrownBy(() -> new AverageLinkageClustering(-0.1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 2");
        assertThatThrownBy(() -> new AverageLinkageClustering(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] v(float... values) {
        return values;
    }

    private static float[] angle(double degrees) {
        return new float[] {(float) Math.cos(Math.toRadians(degrees)), (float) Math.sin(Math.toRadians(degrees))};
    }
}
