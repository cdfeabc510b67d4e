package dev.sightline.language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Agglomerative clustering of vectors with average linkage (UPGMA) on cosine distance
 * ({@code 1 − cosine}): every vector starts alone, and the two clusters with the smallest mean
 * pairwise distance merge until that distance exceeds the threshold. Ties merge the pair with
 * the lowest indexes, so results are deterministic. Time O(n³) and memory O(n²) for n vectors
 * (about a second for 1,000). Immutable and thread-safe.
 */
public final class AverageLinkageClustering {

    private final double distanceThreshold;

    /** @param distanceThreshold clusters farther apart than this (0 to 2) stay apart */
    public AverageLinkageClustering(double distanceThreshold) {
        if (!(distanceThreshold >= 0 && distanceThreshold <= 2)) {
            throw new IllegalArgumentException("distanceThreshold must be 0 to 2 (a cosine distance), was " + distanceThreshold);
        }
        this.distanceThreshold = distanceThreshold;
    }

    /** The clusters as lists of vector indexes, each ascending, ordered by their first index. */
    public List<List<Integer>> clusters(List<float[]> vectors) {
        int n = vectors.size();
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                distance[i][j] = 1 - MiniLmEmbedder.cosine(vectors.get(i), vectors.get(j));
                distance[j][i] = distance[i][j];
            }
        }
        List<List<Integer>> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(new ArrayList<>(List.of(i)));
        }
        boolean[] alive = new boolean[n];
        Arrays.fill(alive, true);
        for (int remaining = n; remaining > 1; remaining--) {
            int bestI = -1;
            int bestJ = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!alive[i]) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (alive[j] && distance[i][j] < best) {
                        best = distance[i][j];
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (best > distanceThreshold) {
                break;
            }
            // Lance-Williams update for average linkage: the merged cluster's distance to k is
            // the size-weighted mean of its parts' distances to k.
            int sizeI = members.get(bestI).size();
            int sizeJ = members.get(bestJ).size();
            for (int k = 0; k < n; k++) {
                if (alive[k] && k != bestI && k != bestJ) {
                    double merged = (sizeI * distance[bestI][k] + sizeJ * distance[bestJ][k]) / (sizeI + sizeJ);
                    distance[bestI][k] = merged;
                    distance[k][bestI] = merged;
                }
            }
            members.get(bestI).addAll(members.get(bestJ));
            alive[bestJ] = false;
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (alive[i]) {
                List<Integer> cluster = new ArrayList<>(members.get(i));
                cluster.sort(null);
                out.add(List.copyOf(cluster));
            }
        }
        out.sort(Comparator.comparingInt(c -> c.get(0)));
        return out;
    }
}
