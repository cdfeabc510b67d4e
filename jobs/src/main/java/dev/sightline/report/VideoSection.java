package dev.sightline.report;

import dev.sightline.attention.AttentionTables;
import dev.sightline.video.VideoTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A video's part of the report: keyframe strip, timeline of scenes and tracks, detections per second, summary. */
final class VideoSection {

    /** Keyframes shown in the strip at most. */
    static final int KEYFRAMES = 48;
    /** Tracks drawn as lanes at most (the longest ones). */
    static final int TRACK_LANES = 30;
    private static final String[] SCENE_COLOURS = {"#4c78a8", "#9ecae9"};
    private static final Map<String, String> LABEL_COLOURS = Map.of("person", "#f58518", "face", "#54a24b", "moving-object", "#b279a2");

    private VideoSection() {}

    static String render(ObjectRows object, ReportContext context) {
        List<ReportRow> summaries = object.of(VideoTables.SUMMARY.name());
        if (summaries.isEmpty()) {
            return "";
        }
        ReportRow summary = summaries.get(0);
        double duration = summary.number("duration_s");
        List<ReportRow> scenes = new ArrayList<>(object.of(VideoTables.SCENES.name()));
        scenes.sort(Comparator.comparing((ReportRow r) -> r.text("detector", "")).thenComparingLong(r -> r.integer("scene_index", 0)));
        List<ReportRow> tracks = new ArrayList<>(object.of(VideoTables.TRACKS.name()));
        List<ReportRow> detections = object.of(VideoTables.DETECTIONS.name());
        StringBuilder out = new StringBuilder("<section class=\"media video\"><h2>Video</h2>");
        out.append(Html.facts(List.of(
                List.of("container / codec", summary.text("container", "?") + " / " + summary.text("codec", "?")),
                List.of("picture", summary.integer("width", 0) + " x " + summary.integer("height", 0) + " px, "
                        + Html.num(summary.number("fps"), 3) + " frames/s, rotation " + Html.num(summary.number("rotation_deg"), 0) + "°"),
                List.of("duration", Html.num(duration, 2) + " s, " + summary.integer("frames_decoded", 0) + " frames decoded"),
                List.of("scenes / tracks", summary.integer("scenes", 0) + " / " + summary.integer("tracks", 0)),
                List.of("analysis time", Html.num(summary.number("processing_s"), 2) + " s"
                        + (summary.flag("partial") ? " (partial: " + summary.text("problem", "") + ")" : "")))));
        out.append(Html.part("Scene keyframes", keyframes(scenes, context)));
        out.append(Html.part("Timeline", Html.figure(Charts.timeline("scenes and tracks", duration, lanes(scenes, tracks)),
                "Scenes of each detector (alternating shades) and the " + Math.min(TRACK_LANES, tracks.size()) + " longest of "
                        + tracks.size() + " tracks, coloured by label; hover for times.")));
        out.append(Html.part("Detections per second", detectionsPerSecond(detections, duration)));
        List<ReportRow> attention = object.of(AttentionTables.VIDEO_ATTENTION.name());
        if (!attention.isEmpty()) {
            List<List<String>> rows = attention.stream()
                    .map(r -> List.of(Long.toString(r.integer("track_id", -1)), r.text("label", ""), Long.toString(r.integer("viewers_total", 0)),
                            Long.toString(r.integer("viewers_looked", 0)), Html.num(r.number("mean_dwell_ms"), 0),
                            Html.num(r.number("synchrony"), 2)))
                    .toList();
            out.append(Html.part("Attention of viewers", Html.table(List.of("track", "label", "viewers", "looked", "mean dwell (ms)",
                    "synchrony"), rows)));
        }
        return out.append("</section>").toString();
    }

    private static String keyframes(List<ReportRow> scenes, ReportContext context) {
        String detector = scenes.isEmpty() ? null : scenes.get(0).text("detector");
        StringBuilder strip = new StringBuilder("<div class=\"strip\">");
        int shown = 0;
        for (ReportRow scene : scenes) {
            if (shown >= KEYFRAMES || !scene.text("detector", "").equals(detector) || scene.text("keyframe_uri") == null) {
                continue;
            }
            String image = context.images().dataUri(scene.text("keyframe_uri"), "image/jpeg");
            if (image == null) {
                continue;
            }
            strip.append("<figure class=\"keyframe\"><img alt=\"scene ").append(scene.integer("scene_index", 0)).append("\" src=\"")
                    .append(image).append("\"><figcaption>").append(scene.integer("scene_index", 0) + 1).append(" · ")
                    .append(Html.clock(scene.number("start_time_s"))).append("</figcaption></figure>");
            shown++;
        }
        strip.append("</div>");
        return shown == 0 ? Html.none("No keyframes could be read (video.processed-uri unset, or the objects are gone).") : strip.toString();
    }

    private static List<Charts.Lane> lanes(List<ReportRow> scenes, List<ReportRow> tracks) {
        Map<String, List<Charts.Span>> byDetector = new LinkedHashMap<>();
        for (ReportRow scene : scenes) {
            long index = scene.integer("scene_index", 0);
            byDetector.computeIfAbsent("scenes: " + scene.text("detector", "?"), k -> new ArrayList<>())
                    .add(new Charts.Span(scene.number("start_time_s"), scene.number("end_time_s"), SCENE_COLOURS[(int) (index % 2)],
                            "scene " + (index + 1) + ": " + Html.clock(scene.number("start_time_s")) + " – " + Html.clock(scene.number("end_time_s"))
                                    + (Double.isFinite(scene.number("cut_score")) ? ", cut score " + Html.num(scene.number("cut_score"), 1) : "")));
        }
        List<Charts.Lane> lanes = new ArrayList<>();
        byDetector.forEach((name, spans) -> lanes.add(new Charts.Lane(name, spans)));
        tracks.stream()
                .sorted(Comparator.comparingDouble((ReportRow t) -> t.number("first_time_s") - t.number("last_time_s"))
                        .thenComparingLong(t -> t.integer("track_id", 0)))
                .limit(TRACK_LANES)
                .sorted(Comparator.comparingDouble(t -> t.number("first_time_s")))
                .forEach(t -> lanes.add(new Charts.Lane(t.text("label", "?") + " #" + t.integer("track_id", 0), List.of(new Charts.Span(
                        t.number("first_time_s"), t.number("last_time_s"), LABEL_COLOURS.getOrDefault(t.text("label", ""), "#72b7b2"),
                        t.text("label", "?") + " track " + t.integer("track_id", 0) + ": " + Html.clock(t.number("first_time_s")) + " – "
                                + Html.clock(t.number("last_time_s")) + ", " + t.integer("frames", 0) + " frames")))));
        return lanes;
    }

    private static String detectionsPerSecond(List<ReportRow> detections, double duration) {
        if (detections.isEmpty()) {
            return Html.none("No detections (detection off, or nothing found).");
        }
        int seconds = (int) Math.max(1, Math.ceil(Double.isFinite(duration) ? duration : 1));
        double[] counts = new double[seconds];
        Map<String, Integer> byLabel = new TreeMap<>();
        for (ReportRow d : detections) {
            int s = (int) Math.floor(d.number("time_s"));
            if (s >= 0 && s < seconds) {
                counts[s]++;
            }
            byLabel.merge(d.text("label", "?"), 1, Integer::sum);
        }
        StringBuilder labels = new StringBuilder();
        byLabel.forEach((label, n) -> labels.append(labels.length() == 0 ? "" : ", ").append(n).append(' ').append(label));
        return Html.figure(Charts.bars("detections per second", counts, 1, "time (s)", "boxes"), "Boxes per second of video: " + labels + ".");
    }
}
