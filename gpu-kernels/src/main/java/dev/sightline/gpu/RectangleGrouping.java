package dev.sightline.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenCV's grouping of HOG candidate windows (HOGDescriptor::groupRectangles with weights, then
 * clipObjects), shared by the CPU twin and the GPU detector: candidates are partitioned into
 * classes of similar rectangles (transitively: corners within eps * mean of the smaller sides),
 * classes with at most {@code groupThreshold} members are dropped, each class becomes the average
 * of its rectangles (rounded half to even) with the largest of its scores, a class lying inside
 * another one that is bigger (more than max(3, n) members, or when it has fewer than 3) is dropped,
 * and the rest are clipped to the image (empty ones dropped).
 */
public final class RectangleGrouping {

    private RectangleGrouping() {
    }

    /** The grouped, clipped detections of {@code candidates} in a {@code width} x {@code height} image. */
    public static List<HogDetection> group(List<HogDetection> candidates, int groupThreshold, double eps,
            int width, int height) {
        List<HogDetection> grouped = groupOnly(candidates, groupThreshold, eps);
        List<HogDetection> clipped = new ArrayList<>(grouped.size());
        for (HogDetection d : grouped) {
            int x0 = Math.max(d.x(), 0);
            int y0 = Math.max(d.y(), 0);
            int x1 = Math.min(d.x() + d.width(), width);
            int y1 = Math.min(d.y() + d.height(), height);
            if (x1 > x0 && y1 > y0) {
                clipped.add(new HogDetection(x0, y0, x1 - x0, y1 - y0, d.score()));
            }
        }
        return clipped;
    }

    /** The grouping alone, without clipping (OpenCV's HOGDescriptor::groupRectangles). */
    static List<HogDetection> groupOnly(List<HogDetection> rects, int groupThreshold, double eps) {
        if (groupThreshold <= 0 || rects.isEmpty()) {
            return new ArrayList<>(rects);
        }
        int n = rects.size();
        int[] labels = new int[n];
        int classes = partition(rects, eps, labels);
        double[] sx = new double[classes];
        double[] sy = new double[classes];
        double[] sw = new double[classes];
        double[] sh = new double[classes];
        double[] best = new double[classes];
        int[] members = new int[classes];
        java.util.Arrays.fill(best, -Double.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            HogDetection r = rects.get(i);
            sx[c] += r.x();
            sy[c] += r.y();
            sw[c] += r.width();
            sh[c] += r.height();
            best[c] = Math.max(best[c], r.score());
            members[c]++;
        }
        int[][] avg = new int[classes][];
        for (int c = 0; c < classes; c++) {
            double s = 1.0 / members[c];
            avg[c] = new int[] {round(sx[c] * s), round(sy[c] * s), round(sw[c] * s), round(sh[c] * s)};
        }
        List<HogDetection> out = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            int n1 = members[i];
            if (n1 <= groupThreshold) {
                continue;
            }
            int[] r1 = avg[i];
            boolean inside = false;
            for (int j = 0; j < classes && !inside; j++) {
                int n2 = members[j];
                if (j == i || n2 <= groupThreshold) {
                    continue;
                }
                int[] r2 = avg[j];
                int dx = round(r2[2] * eps);
                int dy = round(r2[3] * eps);
                inside = r1[0] >= r2[0] - dx && r1[1] >= r2[1] - dy
                        && r1[0] + r1[2] <= r2[0] + r2[2] + dx && r1[1] + r1[3] <= r2[1] + r2[3] + dy
                        && (n2 > Math.max(3, n1) || n1 < 3);
            }
            if (!inside) {
                out.add(new HogDetection(r1[0], r1[1], r1[2], r1[3], best[i]));
            }
        }
        return out;
    }

    /** OpenCV's SimilarRects: every edge within eps times the mean of the smaller width and height. */
    static boolean similar(HogDetection a, HogDetection b, double eps) {
        double delta = eps * (Math.min(a.width(), b.width()) + Math.min(a.height(), b.height())) * 0.5;
        return Math.abs(a.x() - b.x()) <= delta && Math.abs(a.y() - b.y()) <= delta
                && Math.abs(a.x() + a.width() - b.x() - b.width()) <= delta
                && Math.abs(a.y() + a.height() - b.y() - b.height()) <= delta;
    }

    /** Transitive classes of similar rectangles, numbered in order of first member; returns the count. */
    private static int partition(List<HogDetection> rects, double eps, int[] labels) {
        int n = rects.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (similar(rects.get(i), rects.get(j), eps)) {
                    int a = root(parent, i);
                    int b = root(parent, j);
                    if (a != b) {
                        parent[Math.max(a, b)] = Math.min(a, b);
                    }
                }
            }
        }
        int[] classOfRoot = new int[n];
        java.util.Arrays.fill(classOfRoot, -1);
        int classes = 0;
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (classOfRoot[r] < 0) {
                classOfRoot[r] = classes++;
            }
            labels[i] = classOfRoot[r];
        }
        return classes;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** cvRound / saturate_cast&lt;int&gt; of a double: round half to even. */
    private static int round(double v) {
        return (int) Math.rint(v);
    }
}
