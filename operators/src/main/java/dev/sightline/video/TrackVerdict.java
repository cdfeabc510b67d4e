package dev.sightline.video;

import java.io.Serializable;

/**
 * Decides from a track's {@link TrackEvidence.Features} whether its object is real. People and
 * faces are judged (the detectors' false positives are theirs); moving regions and a user's model
 * are kept as their own thresholds decide.
 *
 * <ul>
 *   <li>too little said for it: detections times mean score below {@code minTotalScore}
 *       ({@code minFaceTotalScore} for faces);
 *   <li>flickering: box height varying more than {@code maxHeightVariation} of its mean;
 *   <li>people only, a still thing in a still place: travelling less than
 *       {@code minTravelHeights} box heights while moving regions overlap fewer than
 *       {@code minMovingShare} of its boxes (judged only where moving regions were sought).
 * </ul>
 */
public record TrackVerdict(double minTotalScore, double minFaceTotalScore, double maxHeightVariation, double minTravelHeights,
        double minMovingShare) implements Serializable {

    /**
     * What {@code sightline bench detection} chooses on all its people-free clips, keeping vtest's
     * recall (docs/benchmarks.md, with the leave-one-clip-out figures): evidence of at least 4
     * (e.g. 4 boxes at HOG margin 1), and a person that travels less than a tenth of its height
     * with motion on fewer than 5 % of its boxes is a thing. Faces and box flicker needed no rule
     * on those clips (BlazeFace made no false face track), so they have none.
     */
    public static final TrackVerdict DEFAULTS = new TrackVerdict(4, 0, Double.POSITIVE_INFINITY, 0.1, 0.05);

    /** Keeps every track. */
    public static final TrackVerdict KEEP_ALL = new TrackVerdict(0, 0, Double.POSITIVE_INFINITY, 0, 0);

    /** True when the track is taken to be a real object. */
    public boolean plausible(TrackEvidence.Features f) {
        boolean person = f.label().equals("person");
        boolean face = f.label().equals(BlazeFaceDetector.LABEL);
        if (!person && !face) {
            return true;
        }
        if (f.totalScore() < (face ? minFaceTotalScore : minTotalScore)) {
            return false;
        }
        if (f.heightVariation() > maxHeightVariation) {
            return false;
        }
        return !(person && !Double.isNaN(f.movingShare()) && f.travelHeights() < minTravelHeights && f.movingShare() < minMovingShare);
    }

    /** Why a track is not plausible, for logs: {@code ""} when it is. */
    public String reason(TrackEvidence.Features f) {
        if (plausible(f)) {
            return "";
        }
        boolean face = f.label().equals(BlazeFaceDetector.LABEL);
        if (f.totalScore() < (face ? minFaceTotalScore : minTotalScore)) {
            return "little evidence";
        }
        return f.heightVariation() > maxHeightVariation ? "flickering size" : "still, with nothing moving on it";
    }
}
