package dev.sightline.report;

import java.util.List;
import java.util.Locale;

/** Pieces of the report's HTML: escaped text, tables, figures, numbers. */
final class Html {

    private Html() {}

    static String esc(String text) {
        return text == null ? "" : Svg.escape(text);
    }

    /** A table with a header row; cells are escaped. */
    static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("<table><thead><tr>");
        headers.forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(c -> out.append("<td>").append(esc(c)).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /** Name-value pairs as a two-column table. */
    static String facts(List<List<String>> pairs) {
        StringBuilder out = new StringBuilder("<table class=\"facts\"><tbody>");
        for (List<String> pair : pairs) {
            out.append("<tr><th>").append(esc(pair.get(0))).append("</th><td>").append(esc(pair.get(1))).append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /** A plot with its caption. */
    static String figure(String svg, String caption) {
        return "<figure>" + svg + "<figcaption>" + esc(caption) + "</figcaption></figure>";
    }

    /** A sub-heading and its content. */
    static String part(String heading, String content) {
        return "<div class=\"part\"><h3>" + esc(heading) + "</h3>" + content + "</div>";
    }

    /** A note in place of a plot or table that has nothing to show. */
    static String none(String text) {
        return "<p class=\"none\">" + esc(text) + "</p>";
    }

    /** A number with {@code decimals} places, or an en dash when missing. */
    static String num(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "–";
    }

    /** Seconds as m:ss.s. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "–";
        }
        int minutes = (int) (seconds / 60);
        return String.format(Locale.ROOT, "%d:%04.1f", minutes, seconds - minutes * 60);
    }
}
