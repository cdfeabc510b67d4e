package dev.sightline.gaze;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * An area of interest on the screen: a named polygon in pixels (a rectangle is four corners).
 * Written in configuration as {@code rect X Y WIDTH HEIGHT} or {@code polygon X1,Y1 X2,Y2 X3,Y3 ...}.
 */
public record Aoi(String name, double[] xs, double[] ys) implements Serializable {

    public Aoi {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("an area of interest needs at least three corners");
        }
    }

    public static Aoi rectangle(String name, double x, double y, double width, double height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("rectangle width and height must be positive");
        }
        return new Aoi(name, new double[] {x, x + width, x + width, x}, new double[] {y, y, y + height, y + height});
    }

    /** Parses {@code rect X Y W H} or {@code polygon X1,Y1 X2,Y2 ...}. */
    public static Aoi parse(String name, String spec) {
        String[] parts = spec.trim().split("\\s+");
        try {
            switch (parts[0].toLowerCase(Locale.ROOT)) {
                case "rect" -> {
                    if (parts.length != 5) {
                        throw new IllegalArgumentException("expected 'rect X Y WIDTH HEIGHT'");
                    }
                    return rectangle(name, Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                            Double.parseDouble(parts[3]), Double.parseDouble(parts[4]));
                }
                case "polygon" -> {
                    double[] xs = new double[parts.length - 1];
                    double[] ys = new double[parts.length - 1];
                    for (int i = 1; i < parts.length; i++) {
                        String[] xy = parts[i].split(",");
                        if (xy.length != 2) {
                            throw new IllegalArgumentException("corner '" + parts[i] + "' is not X,Y");
                        }
                        xs[i - 1] = Double.parseDouble(xy[0]);
                        ys[i - 1] = Double.parseDouble(xy[1]);
                    }
                    return new Aoi(name, xs, ys);
                }
                default -> throw new IllegalArgumentException("expected 'rect X Y WIDTH HEIGHT' or 'polygon X1,Y1 X2,Y2 X3,Y3 ...'");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage());
        }
    }

    /** True when the point lies inside the polygon (even-odd rule). */
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Aoi a && a.name.equals(name) && Arrays.equals(a.xs, xs) && Arrays.equals(a.ys, ys);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(xs) * 17 + Arrays.hashCode(ys);
    }

    @Override
    public String toString() {
        return "Aoi[" + name + ", " + Arrays.toString(xs) + ", " + Arrays.toString(ys) + "]";
    }
}
