package dev.sightline.gaze;

import java.io.Serializable;

/**
 * The viewing set-up of a recording: screen size in pixels and millimetres and the eye's
 * distance from the screen. Converts pixel positions to visual angle per axis, exactly
 * ({@code atan}), with the eye in front of the screen centre.
 */
public record ScreenGeometry(
        double widthPx, double heightPx, double widthMm, double heightMm, double distanceMm) implements Serializable {

    public ScreenGeometry {
        if (!(widthPx > 0 && heightPx > 0 && widthMm > 0 && heightMm > 0 && distanceMm > 0)) {
            throw new IllegalArgumentException("screen geometry must be positive: " + widthPx + "x" + heightPx + " px, "
                    + widthMm + "x" + heightMm + " mm, distance " + distanceMm + " mm");
        }
    }

    /** Horizontal visual angle of a pixel column, degrees, 0 at the screen centre, positive right. */
    public double xDeg(double xPx) {
        return Math.toDegrees(Math.atan((xPx - widthPx / 2) * (widthMm / widthPx) / distanceMm));
    }

    /** Vertical visual angle of a pixel row, degrees, 0 at the screen centre, positive down. */
    public double yDeg(double yPx) {
        return Math.toDegrees(Math.atan((yPx - heightPx / 2) * (heightMm / heightPx) / distanceMm));
    }

    /** The angle between the lines of sight to two screen points, degrees (exact, 3-D). */
    public double angleDeg(double x1Px, double y1Px, double x2Px, double y2Px) {
        double ax = (x1Px - widthPx / 2) * (widthMm / widthPx);
        double ay = (y1Px - heightPx / 2) * (heightMm / heightPx);
        double bx = (x2Px - widthPx / 2) * (widthMm / widthPx);
        double by = (y2Px - heightPx / 2) * (heightMm / heightPx);
        double d = distanceMm;
        double dot = ax * bx + ay * by + d * d;
        double cross = Math.sqrt(Math.pow(ay * d - d * by, 2) + Math.pow(d * bx - ax * d, 2) + Math.pow(ax * by - ay * bx, 2));
        return Math.toDegrees(Math.atan2(cross, dot));
    }
}
