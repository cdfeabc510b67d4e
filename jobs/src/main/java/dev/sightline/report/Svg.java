package dev.sightline.report;

import java.util.Locale;

/** A small SVG document builder: shapes and text in user units, escaped, with tooltips. */
final class Svg {

    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;
    private final String label;

    /** @param label the plot's accessible name (its {@code aria-label}, and the test's handle) */
    Svg(double width, double height, String label) {
        this.width = width;
        this.height = height;
        this.label = label;
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\">",
                x, y, Math.max(0, w), Math.max(0, h), escape(fill)));
        return closeWithTitle("rect", tooltip);
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        body.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"%.2f\"/>",
                x1, y1, x2, y2, escape(stroke), strokeWidth));
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, double opacity, String tooltip) {
        body.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\" fill-opacity=\"%.2f\">",
                cx, cy, r, escape(fill), opacity));
        return closeWithTitle("circle", tooltip);
    }

    /** A polyline through {@code xs[i], ys[i]}. */
    Svg polyline(double[] xs, double[] ys, int n, String stroke, double strokeWidth, double opacity) {
        if (n < 2) {
            return this;
        }
        body.append("<polyline fill=\"none\" stroke=\"").append(escape(stroke)).append("\" stroke-width=\"")
                .append(String.format(Locale.ROOT, "%.2f", strokeWidth)).append("\" stroke-opacity=\"")
                .append(String.format(Locale.ROOT, "%.2f", opacity)).append("\" points=\"");
        for (int i = 0; i < n; i++) {
            body.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
        }
        body.append("\"/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String text, double size, String anchor, String fill) {
        body.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">",
                x, y, size, anchor, escape(fill))).append(escape(text)).append("</text>");
        return this;
    }

    /** Vertical text, rotated about its anchor point. */
    Svg verticalText(double x, double y, String text, double size) {
        body.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" text-anchor=\"middle\" fill=\"#333\""
                + " transform=\"rotate(-90 %.2f %.2f)\">", x, y, size, x, y)).append(escape(text)).append("</text>");
        return this;
    }

    /** An embedded raster image: {@code dataUri} is a {@code data:} URI, never a network address. */
    Svg image(double x, double y, double w, double h, String dataUri, double opacity) {
        if (!dataUri.startsWith("data:")) {
            throw new IllegalArgumentException("only data: URIs are embedded");
        }
        body.append(String.format(Locale.ROOT, "<image x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" opacity=\"%.2f\""
                + " preserveAspectRatio=\"none\" href=\"%s\"/>", x, y, w, h, opacity, dataUri));
        return this;
    }

    private Svg closeWithTitle(String element, String tooltip) {
        if (tooltip != null && !tooltip.isEmpty()) {
            body.append("<title>").append(escape(tooltip)).append("</title>");
        }
        body.append("</").append(element).append('>');
        return this;
    }

    /** The document, scaled to its container's width. */
    String render() {
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" role=\"img\" aria-label=\"%s\""
                + " viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" font-family=\"sans-serif\">", escape(label), width, height,
                width, height) + body + "</svg>";
    }

    /** Text escaped for XML content and attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
