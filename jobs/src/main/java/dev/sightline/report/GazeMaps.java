package dev.sightline.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Scanpath and fixation heatmap of a recording, over its stimulus where one is known. */
final class GazeMaps {

    /** A fixation on the screen, pixels and milliseconds. */
    record Fixation(double x, double y, double durationMs) {}

    /** The stimulus drawn beneath: an embedded image and where it lay on the screen, pixels. */
    record Stimulus(String dataUri, double x, double y, double width, double height, String name) {}

    /** Fixations drawn in a scanpath at most (the first ones); the heatmap takes all. */
    static final int SCANPATH_FIXATIONS = 400;
    private static final double DRAWN_WIDTH = 640;
    private static final int HEAT_CELL_PX = 4;

    private GazeMaps() {}

    /** Fixations as circles (area by duration) joined in order, numbered, over the stimulus. */
    static String scanpath(double screenWidth, double screenHeight, List<Fixation> fixations, Stimulus stimulus) {
        Svg svg = canvas("scanpath", screenWidth, screenHeight, stimulus);
        double scale = DRAWN_WIDTH / screenWidth;
        int n = Math.min(SCANPATH_FIXATIONS, fixations.size());
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = fixations.get(i).x() * scale;
            ys[i] = fixations.get(i).y() * scale;
        }
        svg.polyline(xs, ys, n, "#1f4e79", 1.2, 0.7);
        for (int i = 0; i < n; i++) {
            Fixation f = fixations.get(i);
            double r = Math.max(2.5, Math.min(24, Math.sqrt(Math.max(0, f.durationMs())) * 0.55));
            svg.circle(xs[i], ys[i], r, "#f58518", 0.55, String.format(Locale.ROOT, "fixation %d: %.0f ms at (%.0f, %.0f) px",
                    i, f.durationMs(), f.x(), f.y()));
            if (i < 60) {
                svg.text(xs[i], ys[i] + 3.5, Integer.toString(i + 1), 9, "middle", "#222");
            }
        }
        return svg.render();
    }

    /** Fixation density, weighted by duration, smoothed by a Gaussian of {@code sigmaPx}, over the stimulus. */
    static String heatmap(double screenWidth, double screenHeight, List<Fixation> fixations, Stimulus stimulus, double sigmaPx) {
        Svg svg = canvas("heatmap", screenWidth, screenHeight, stimulus);
        int w = Math.max(1, (int) Math.ceil(screenWidth / HEAT_CELL_PX));
        int h = Math.max(1, (int) Math.ceil(screenHeight / HEAT_CELL_PX));
        double[] density = new double[w * h];
        double sigma = Math.max(1, sigmaPx / HEAT_CELL_PX);
        int reach = (int) Math.ceil(3 * sigma);
        double max = 0;
        for (Fixation f : fixations) {
            int cx = (int) Math.floor(f.x() / HEAT_CELL_PX);
            int cy = (int) Math.floor(f.y() / HEAT_CELL_PX);
            for (int y = Math.max(0, cy - reach); y <= Math.min(h - 1, cy + reach); y++) {
                for (int x = Math.max(0, cx - reach); x <= Math.min(w - 1, cx + reach); x++) {
                    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    double v = density[y * w + x] += Math.max(0, f.durationMs()) * Math.exp(-d2 / (2 * sigma * sigma));
                    max = Math.max(max, v);
                }
            }
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, colour(max > 0 ? density[y * w + x] / max : 0));
            }
        }
        double scale = DRAWN_WIDTH / screenWidth;
        svg.image(0, 0, w * HEAT_CELL_PX * scale, h * HEAT_CELL_PX * scale, png(image), 1);
        return svg.render();
    }

    private static Svg canvas(String kind, double screenWidth, double screenHeight, Stimulus stimulus) {
        double scale = DRAWN_WIDTH / screenWidth;
        Svg svg = new Svg(DRAWN_WIDTH, screenHeight * scale, kind);
        svg.rect(0, 0, DRAWN_WIDTH, screenHeight * scale, "#f4f4f4", "screen " + Axis.label(screenWidth) + " x " + Axis.label(screenHeight) + " px");
        if (stimulus != null) {
            svg.image(stimulus.x() * scale, stimulus.y() * scale, stimulus.width() * scale, stimulus.height() * scale, stimulus.dataUri(), 0.85);
        }
        return svg;
    }

    /** Transparent at zero, then blue, green, yellow and red as density rises. */
    private static int colour(double v) {
        if (v < 0.02) {
            return 0;
        }
        double[][] stops = {{0, 0, 0, 255}, {0.35, 0, 200, 80}, {0.65, 255, 220, 0}, {1, 230, 20, 20}};
        int i = 0;
        while (i < stops.length - 2 && v > stops[i + 1][0]) {
            i++;
        }
        double t = (v - stops[i][0]) / (stops[i + 1][0] - stops[i][0]);
        int r = (int) Math.round(stops[i][1] + t * (stops[i + 1][1] - stops[i][1]));
        int g = (int) Math.round(stops[i][2] + t * (stops[i + 1][2] - stops[i][2]));
        int b = (int) Math.round(stops[i][3] + t * (stops[i + 1][3] - stops[i][3]));
        int alpha = (int) Math.round(90 + 140 * Math.min(1, v));
        return alpha << 24 | r << 16 | g << 8 | b;
    }

    /** A PNG as a data URI. */
    static String png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
