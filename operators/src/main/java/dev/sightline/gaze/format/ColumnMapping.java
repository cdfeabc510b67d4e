package dev.sightline.gaze.format;

import java.io.Serializable;

/**
 * Which columns of a delimited gaze table hold what, where the header alone does not say it.
 * A null column name means "detect from the header"; {@code timeUnit} and {@code positionUnit}
 * may be {@code auto}.
 *
 * @param timeUnit auto, ns, us, ms or s
 * @param positionUnit auto, px, deg or normalized
 * @param minConfidence samples with a confidence column below this are invalid (Pupil Labs)
 */
public record ColumnMapping(
        String timeColumn,
        String timeUnit,
        String xColumn,
        String yColumn,
        String pupilColumn,
        String validityColumn,
        String positionUnit,
        double minConfidence) implements Serializable {

    public static final ColumnMapping AUTO = new ColumnMapping(null, "auto", null, null, null, null, "auto", 0.6);
}
