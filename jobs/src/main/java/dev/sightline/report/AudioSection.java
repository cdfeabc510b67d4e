package dev.sightline.report;

import dev.sightline.audio.AudioTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A recording's (or a video's sound track's) part: transcript with times, sentiment as colour, keywords, topics. */
final class AudioSection {

    private AudioSection() {}

    static String render(ObjectRows object) {
        List<ReportRow> transcripts = object.of(AudioTables.TRANSCRIPTS.name());
        if (transcripts.isEmpty()) {
            return "";
        }
        ReportRow t = transcripts.get(0);
        List<ReportRow> segments = new ArrayList<>(object.of(AudioTables.SEGMENTS.name()));
        segments.sort(Comparator.comparingLong(r -> r.integer("segment_index", 0)));
        double duration = t.number("duration_s");
        StringBuilder out = new StringBuilder("<section class=\"media audio\"><h2>")
                .append("video".equals(t.text("media_type")) ? "Sound track" : "Audio").append("</h2>");
        out.append(Html.facts(List.of(
                List.of("transcriber", t.text("backend", "?") + " (" + t.text("language", "?") + ")"),
                List.of("source", t.text("codec", "?") + ", " + t.integer("source_sample_rate", 0) + " Hz, " + t.integer("source_channels", 0)
                        + " channel(s), " + Html.num(duration, 1) + " s"),
                List.of("words / segments", t.integer("words", 0) + " / " + t.integer("segments", 0) + ", mean confidence "
                        + Html.num(t.number("mean_confidence"), 2)),
                List.of("sentiment", t.text("sentiment_label", "?") + " (" + Html.num(t.number("sentiment_compound"), 2) + ")"
                        + (t.flag("partial") ? "; partial: " + t.text("problem", "") : "")))));
        List<Charts.Span> spans = segments.stream()
                .map(s -> new Charts.Span(s.number("start_s"), s.number("end_s"), sentimentColour(s.number("sentiment_compound")),
                        Html.clock(s.number("start_s")) + ": " + s.text("sentiment_label", "?") + " " + Html.num(s.number("sentiment_compound"), 2)))
                .toList();
        out.append(Html.part("Sentiment over time", Html.figure(Charts.timeline("sentiment per segment", duration,
                List.of(new Charts.Lane("segments", spans))), "Each segment coloured by VADER's compound score: red negative, grey neutral, green positive.")));
        StringBuilder transcript = new StringBuilder("<div class=\"transcript\">");
        for (ReportRow s : segments) {
            transcript.append("<p class=\"segment\" style=\"background:").append(sentimentColour(s.number("sentiment_compound"))).append("33\">")
                    .append("<span class=\"time\">").append(Html.clock(s.number("start_s"))).append(" – ").append(Html.clock(s.number("end_s")))
                    .append("</span> ").append(s.text("text", "").isEmpty() ? "<i>(no words recognised)</i>" : Html.esc(s.text("text")))
                    .append("</p>");
        }
        transcript.append("</div>");
        out.append(Html.part("Transcript", segments.isEmpty() ? Html.none("No speech found.") : transcript.toString()));
        List<List<String>> keywords = object.of(AudioTables.KEYWORDS.name()).stream()
                .sorted(Comparator.comparingLong(r -> r.integer("rank", 0)))
                .map(r -> List.of(Long.toString(r.integer("rank", 0)), r.text("phrase", ""), Html.num(r.number("score"), 3),
                        Long.toString(r.integer("occurrences", 0))))
                .toList();
        out.append(Html.part("Keywords", keywords.isEmpty() ? Html.none("No keywords (too few words).")
                : Html.table(List.of("rank", "phrase", "score", "occurrences"), keywords)));
        List<List<String>> topics = object.of(AudioTables.TOPICS.name()).stream()
                .sorted(Comparator.comparingLong(r -> r.integer("topic_index", 0)))
                .map(r -> List.of(Long.toString(r.integer("topic_index", 0)), r.text("label", ""), r.text("keywords", ""),
                        Long.toString(r.integer("segments", 0)), Html.num(100 * r.number("share"), 0) + "%"))
                .toList();
        out.append(Html.part("Topics", topics.isEmpty() ? Html.none("No topics (too few segments with words).")
                : Html.table(List.of("topic", "label", "keywords", "segments", "share"), topics)));
        return out.append("</section>").toString();
    }

    /** Red for -1, grey for 0, green for +1, as #rrggbb. */
    static String sentimentColour(double compound) {
        double c = Double.isFinite(compound) ? Math.max(-1, Math.min(1, compound)) : 0;
        int[] grey = {170, 170, 170};
        int[] end = c < 0 ? new int[] {214, 39, 40} : new int[] {44, 160, 44};
        double t = Math.abs(c);
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(grey[0] + t * (end[0] - grey[0])),
                (int) Math.round(grey[1] + t * (end[1] - grey[1])), (int) Math.round(grey[2] + t * (end[2] - grey[2])));
    }
}
