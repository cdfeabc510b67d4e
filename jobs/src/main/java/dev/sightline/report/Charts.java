package dev.sightline.report;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Timelines, bar charts, scatter plots and traces drawn as SVG, with axes and labels. */
final class Charts {

    static final double WIDTH = 900;
    private static final double LEFT = 110;
    private static final double RIGHT = 16;
    private static final double TOP = 26;
    private static final double BOTTOM = 40;

    /** A span on a lane of a timeline. */
    record Span(double start, double end, String colour, String tooltip) {}

    /** One named row of a timeline. */
    record Lane(String name, List<Span> spans) {}

    /** A point of a scatter plot. */
    record Point(double x, double y, String tooltip) {}

    private Charts() {}

    /** Lanes of spans over {@code [0, duration]} seconds. */
    static String timeline(String title, double duration, List<Lane> lanes) {
        double laneHeight = 22;
        double height = TOP + BOTTOM + laneHeight * Math.max(1, lanes.size());
        Svg svg = new Svg(WIDTH, height, title);
        svg.text(LEFT, 16, title, 13, "start", "#222");
        Axis x = Axis.linear(0, duration > 0 ? duration : 1, LEFT, WIDTH - RIGHT);
        double bottom = height - BOTTOM;
        timeAxis(svg, x, bottom, TOP, "time (s)");
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            double y = TOP + i * laneHeight;
            svg.text(LEFT - 6, y + laneHeight * 0.68, lane.name(), 11, "end", "#333");
            for (Span span : lane.spans()) {
                double x0 = x.at(span.start());
                double x1 = Math.max(x0 + 1.5, x.at(span.end()));
                svg.rect(x0, y + 3, x1 - x0, laneHeight - 6, span.colour(), span.tooltip());
            }
        }
        return svg.render();
    }

    /** Bars of {@code values[i]} for the buckets {@code [i * bucket, (i + 1) * bucket)}. */
    static String bars(String title, double[] values, double bucket, String xLabel, String yLabel) {
        double height = 220;
        Svg svg = new Svg(WIDTH, height, title);
        svg.text(LEFT, 16, title, 13, "start", "#222");
        double max = 1;
        for (double v : values) {
            max = Math.max(max, v);
        }
        Axis x = Axis.linear(0, Math.max(bucket, values.length * bucket), LEFT, WIDTH - RIGHT);
        Axis y = Axis.linear(0, max, height - BOTTOM, TOP);
        timeAxis(svg, x, height - BOTTOM, TOP, xLabel);
        valueAxis(svg, y, yLabel);
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                double x0 = x.at(i * bucket);
                double x1 = x.at((i + 1) * bucket);
                svg.rect(x0 + 0.5, y.at(values[i]), Math.max(1, x1 - x0 - 1), height - BOTTOM - y.at(values[i]), "#4c78a8",
                        Axis.label(i * bucket) + " s: " + Axis.label(values[i]));
            }
        }
        return svg.render();
    }

    /** Points on linear or log-log axes, with an optional fitted curve. */
    static String scatter(String title, List<Point> points, Axis xRange, Axis yRange, String xLabel, String yLabel,
            DoubleUnaryOperator fit, String fitLabel) {
        double height = 360;
        double width = 560;
        Svg svg = new Svg(width, height, title);
        svg.text(LEFT, 16, title, 13, "start", "#222");
        Axis x = new Axis(xRange.min(), xRange.max(), LEFT, width - RIGHT, xRange.log());
        Axis y = new Axis(yRange.min(), yRange.max(), height - BOTTOM, TOP, yRange.log());
        for (double t : x.ticks(6)) {
            svg.line(x.at(t), TOP, x.at(t), height - BOTTOM, "#e4e4e4", 1);
            svg.text(x.at(t), height - BOTTOM + 14, Axis.label(t), 10, "middle", "#555");
        }
        svg.text((LEFT + width - RIGHT) / 2, height - 6, xLabel, 11, "middle", "#333");
        valueAxis(svg, y, yLabel);
        svg.line(LEFT, height - BOTTOM, width - RIGHT, height - BOTTOM, "#888", 1);
        for (Point p : points) {
            svg.circle(x.at(p.x()), y.at(p.y()), 2.6, "#e45756", 0.6, p.tooltip());
        }
        if (fit != null) {
            int n = 60;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                double v = x.log() ? Math.pow(10, Math.log10(x.min()) + i * (Math.log10(x.max()) - Math.log10(x.min())) / (n - 1))
                        : x.min() + i * (x.max() - x.min()) / (n - 1);
                xs[i] = x.at(v);
                ys[i] = y.at(fit.applyAsDouble(v));
            }
            svg.polyline(xs, ys, n, "#222", 1.5, 0.9);
            svg.text(width - RIGHT - 4, TOP + 14, fitLabel, 11, "end", "#222");
        }
        return svg.render();
    }

    /** A trace of {@code values} over {@code times} (seconds), with lanes of spans beneath it. */
    static String trace(String title, double[] times, double[] values, int n, double start, double end, String yLabel,
            List<Lane> bands) {
        double plotHeight = 200;
        double laneHeight = 14;
        double height = TOP + plotHeight + laneHeight * bands.size() + BOTTOM;
        Svg svg = new Svg(WIDTH, height, title);
        svg.text(LEFT, 16, title, 13, "start", "#222");
        double max = 1;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(values[i])) {
                max = Math.max(max, values[i]);
            }
        }
        Axis x = Axis.linear(start, end > start ? end : start + 1, LEFT, WIDTH - RIGHT);
        Axis y = Axis.linear(0, max, TOP + plotHeight, TOP);
        valueAxis(svg, y, yLabel);
        double[] xs = new double[n];
        double[] ys = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                svg.polyline(xs, ys, m, "#4c78a8", 1, 0.9);
                m = 0;
                continue;
            }
            xs[m] = x.at(times[i]);
            ys[m] = y.at(values[i]);
            m++;
        }
        svg.polyline(xs, ys, m, "#4c78a8", 1, 0.9);
        for (int i = 0; i < bands.size(); i++) {
            Lane lane = bands.get(i);
            double yy = TOP + plotHeight + 4 + i * laneHeight;
            svg.text(LEFT - 6, yy + laneHeight * 0.7, lane.name(), 10, "end", "#333");
            for (Span span : lane.spans()) {
                double x0 = x.at(span.start());
                svg.rect(x0, yy, Math.max(1, x.at(span.end()) - x0), laneHeight - 3, span.colour(), span.tooltip());
            }
        }
        timeAxis(svg, x, height - BOTTOM, TOP, "time (s)");
        return svg.render();
    }

    private static void timeAxis(Svg svg, Axis x, double bottom, double top, String label) {
        for (double t : x.ticks(10)) {
            svg.line(x.at(t), top, x.at(t), bottom, "#eeeeee", 1);
            svg.text(x.at(t), bottom + 14, Axis.label(t), 10, "middle", "#555");
        }
        svg.line(x.from(), bottom, x.to(), bottom, "#888", 1);
        svg.text((x.from() + x.to()) / 2, bottom + 30, label, 11, "middle", "#333");
    }

    private static void valueAxis(Svg svg, Axis y, String label) {
        for (double t : y.ticks(4)) {
            svg.line(LEFT - 4, y.at(t), LEFT, y.at(t), "#888", 1);
            svg.text(LEFT - 7, y.at(t) + 3.5, Axis.label(t), 10, "end", "#555");
        }
        svg.line(LEFT, y.from(), LEFT, y.to(), "#888", 1);
        svg.verticalText(LEFT - 44, (y.from() + y.to()) / 2, label, 11);
    }
}
