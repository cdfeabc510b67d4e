package dev.sightline.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a whole track says about whether its object is real, gathered over its detections: a
 * detector's false positive (a lamp post, foliage, a floodlight taken for a person; a pattern
 * taken for a face) tends to flicker in size, to score low all along, not to move while nothing
 * around it moves, and (for people) to float high in the frame. Judged once the video ends.
 */
public final class TrackEvidence {

    /** The track's figures: what {@link #verdict} decides on. */
    /**
     * A track's figures.
     *
     * @param detections its boxes
     * @param meanScore the detector's mean score over them
     * @param heightVariation standard deviation of the box height over its mean
     * @param aspectVariation standard deviation of width / height over its mean
     * @param travelHeights distance from the first box's centre to the last's, in mean box heights
     * @param movingShare share of its boxes a moving region overlaps ({@link #movingOverlap}); NaN when moving regions were not sought
     * @param bottomShare mean height of the boxes' bottom edge in the frame, 0 top to 1 bottom
     */
    public record Features(String label, int detections, double meanScore, double heightVariation, double aspectVariation,
            double travelHeights, double movingShare, double bottomShare) {

        /** Detections times mean score: how much the detector said for it in all. */
        public double totalScore() {
            return detections * meanScore;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s n=%d score=%.2f heightCv=%.2f aspectCv=%.2f travel=%.2f moving=%.2f bottom=%.2f",
                    label, detections, meanScore, heightVariation, aspectVariation, travelHeights, movingShare, bottomShare);
        }
    }

    /** 1 when one of the moving regions covers a fifth of {@code box}, else 0. */
    public static double movingOverlap(Box box, List<Box> movingRegions) {
        for (Box m : movingRegions) {
            double w = Math.min(box.x() + box.width(), m.x() + m.width()) - Math.max(box.x(), m.x());
            double h = Math.min(box.y() + box.height(), m.y() + m.height()) - Math.max(box.y(), m.y());
            if (w > 0 && h > 0 && w * h >= 0.2 * box.area()) {
                return 1;
            }
        }
        return 0;
    }

    private final String label;
    private final List<double[]> boxes = new ArrayList<>(); // time, x, y, w, h, score, moving (1/0/NaN)
    public TrackEvidence(String label) {
        this.label = label;
    }

    /** Adds a detection; {@code moving}: whether a moving region overlaps it (NaN when moving regions are not sought). */
    public void add(double timeS, Box box, double score, double moving) {
        boxes.add(new double[] {timeS, box.x(), box.y(), box.width(), box.height(), score, moving});
    }

    /** The figures of the boxes added so far (at least one), in a frame {@code frameHeight} pixels high. */
    public Features features(double frameHeight) {
        int n = boxes.size();
        double score = 0;
        double height = 0;
        double aspect = 0;
        double moving = 0;
        int movingKnown = 0;
        double bottom = 0;
        for (double[] b : boxes) {
            score += b[5];
            height += b[4];
            aspect += b[3] / Math.max(1e-9, b[4]);
            bottom += (b[2] + b[4]) / Math.max(1, frameHeight);
            if (!Double.isNaN(b[6])) {
                moving += b[6];
                movingKnown++;
            }
        }
        score /= n;
        height /= n;
        aspect /= n;
        bottom /= n;
        double heightSd = 0;
        double aspectSd = 0;
        for (double[] b : boxes) {
            heightSd += Math.pow(b[4] - height, 2);
            aspectSd += Math.pow(b[3] / Math.max(1e-9, b[4]) - aspect, 2);
        }
        heightSd = Math.sqrt(heightSd / n);
        aspectSd = Math.sqrt(aspectSd / n);
        double[] first = boxes.get(0);
        double[] last = boxes.get(n - 1);
        double travel = Math.hypot(last[1] + last[3] / 2 - first[1] - first[3] / 2, last[2] + last[4] / 2 - first[2] - first[4] / 2)
                / Math.max(1e-9, height);
        return new Features(label, n, score, heightSd / Math.max(1e-9, height), aspectSd / Math.max(1e-9, aspect), travel,
                movingKnown == 0 ? Double.NaN : moving / movingKnown, bottom);
    }
}
