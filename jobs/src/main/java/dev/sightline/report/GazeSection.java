package dev.sightline.report;

import dev.sightline.gaze.GazeTables;
import dev.sightline.ingest.MediaFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An eye-tracking object's part, per recording: data quality as pymovements reports it,
 * scanpath and heatmap over the stimulus, main sequence, velocity trace with events, AOIs.
 */
final class GazeSection {

    private static final double HEAT_SIGMA_PX = 30;

    private GazeSection() {}

    static String render(ObjectRows object, ReportContext context) {
        List<ReportRow> recordings = object.of(GazeTables.RECORDINGS.name());
        if (recordings.isEmpty()) {
            return "";
        }
        Map<String, VelocityTraces.Trace> traces = traces(object, recordings, context);
        StringBuilder out = new StringBuilder("<section class=\"media gaze\"><h2>Eye tracking</h2>");
        for (ReportRow recording : recordings) {
            out.append(recording(object, recording, traces.get(recording.text("recording_id")), context));
        }
        return out.append("</section>").toString();
    }

    private static String recording(ObjectRows object, ReportRow r, VelocityTraces.Trace trace, ReportContext context) {
        String id = r.text("recording_id");
        String name = r.text("participant", "") + (r.text("recording_name", "").isEmpty() ? "" : " / " + r.text("recording_name"));
        StringBuilder out = new StringBuilder("<div class=\"recording\"><h3>Recording ").append(Html.esc(name.isBlank() ? id : name))
                .append(" <small>").append(Html.esc(id)).append("</small></h3>");
        out.append(Html.part("Data quality", Html.facts(List.of(
                List.of("samples", r.integer("sample_count", 0) + " at " + Html.num(r.number("sampling_rate_hz"), 1) + " Hz, "
                        + Html.num(r.number("duration_ms") / 1000, 1) + " s, eyes: " + r.text("eyes", "?")),
                List.of("data loss", Html.num(r.number("data_loss_pct"), 2) + " %"),
                List.of("precision, RMS sample to sample", Html.num(r.number("precision_rms_s2s_deg"), 3) + " °"),
                List.of("precision, BCEA (68%)", Html.num(r.number("precision_bcea_deg2"), 4) + " °²"),
                List.of("events", r.integer("fixation_count", 0) + " fixations (median " + Html.num(r.number("fixation_median_duration_ms"), 0)
                        + " ms), " + r.integer("saccade_count", 0) + " saccades, " + r.integer("pso_count", 0) + " PSOs, "
                        + r.integer("blink_count", 0) + " blinks; detector " + r.text("detector", "?")),
                List.of("lines not used", Long.toString(r.integer("problem_count", 0)))))));
        double screenW = positive(r.number("screen_width_px"), 1920);
        double screenH = positive(r.number("screen_height_px"), 1080);
        List<GazeMaps.Fixation> fixations = rowsOf(object, GazeTables.FIXATIONS.name(), id).stream()
                .sorted(Comparator.comparingDouble(f -> f.number("start_time_ms")))
                .filter(f -> Double.isFinite(f.number("x_px")) && Double.isFinite(f.number("y_px")))
                .map(f -> new GazeMaps.Fixation(f.number("x_px"), f.number("y_px"), f.number("duration_ms")))
                .toList();
        Optional<GazeMaps.Stimulus> stimulus = rowsOf(object, GazeTables.STIMULI.name(), id).stream()
                .sorted(Comparator.comparingLong(s -> s.integer("segment_index", 0)))
                .map(s -> context.images().of(s, object.uri(), screenW, screenH))
                .flatMap(Optional::stream)
                .findFirst();
        String over = stimulus.map(s -> " over " + s.name()).orElse(" on the screen (no stimulus image known)");
        if (fixations.isEmpty()) {
            out.append(Html.part("Scanpath and heatmap", Html.none("No fixations.")));
        } else {
            out.append("<div class=\"pair\">");
            out.append(Html.figure(GazeMaps.scanpath(screenW, screenH, fixations, stimulus.orElse(null)),
                    "Scanpath" + over + ": the first " + Math.min(GazeMaps.SCANPATH_FIXATIONS, fixations.size()) + " of " + fixations.size()
                            + " fixations, area by duration."));
            out.append(Html.figure(GazeMaps.heatmap(screenW, screenH, fixations, stimulus.orElse(null), HEAT_SIGMA_PX),
                    "Heatmap" + over + ": fixation time, Gaussian of " + (int) HEAT_SIGMA_PX + " px."));
            out.append("</div>");
        }
        out.append(Html.part("Main sequence", mainSequence(r, rowsOf(object, GazeTables.SACCADES.name(), id))));
        out.append(Html.part("Velocity and events", velocity(object, r, id, trace)));
        List<List<String>> aois = rowsOf(object, GazeTables.AOI_METRICS.name(), id).stream()
                .map(a -> List.of(a.text("aoi_name", ""), Html.num(a.number("dwell_time_ms"), 0), Html.num(a.number("dwell_pct"), 1),
                        Html.num(a.number("time_to_first_fixation_ms"), 0), Long.toString(a.integer("fixation_count", 0)),
                        Long.toString(a.integer("visits", 0))))
                .toList();
        out.append(Html.part("Areas of interest", aois.isEmpty() ? Html.none("No areas of interest configured (gaze.aoi.<name>).")
                : Html.table(List.of("AOI", "dwell (ms)", "dwell (%)", "time to first fixation (ms)", "fixations", "visits"), aois)));
        return out.append("</div>").toString();
    }

    private static String mainSequence(ReportRow recording, List<ReportRow> saccades) {
        List<Charts.Point> points = saccades.stream()
                .filter(s -> s.number("amplitude_deg") > 0 && s.number("peak_velocity_deg_s") > 0)
                .map(s -> new Charts.Point(s.number("amplitude_deg"), s.number("peak_velocity_deg_s"),
                        "saccade " + s.integer("saccade_index", 0) + ": " + Html.num(s.number("amplitude_deg"), 2) + "°, "
                                + Html.num(s.number("peak_velocity_deg_s"), 0) + " °/s"))
                .toList();
        if (points.isEmpty()) {
            return Html.none("No saccades.");
        }
        double k = recording.number("main_sequence_coefficient");
        double e = recording.number("main_sequence_exponent");
        boolean fitted = Double.isFinite(k) && Double.isFinite(e);
        double maxA = points.stream().mapToDouble(Charts.Point::x).max().orElse(10);
        double minA = points.stream().mapToDouble(Charts.Point::x).min().orElse(0.1);
        double maxV = points.stream().mapToDouble(Charts.Point::y).max().orElse(500);
        double minV = points.stream().mapToDouble(Charts.Point::y).min().orElse(10);
        String svg = Charts.scatter("main sequence", points, Axis.logarithmic(Math.min(0.1, minA), Math.max(10, maxA * 1.2), 0, 1),
                Axis.logarithmic(Math.min(10, minV), Math.max(1000, maxV * 1.2), 0, 1), "amplitude (°)", "peak velocity (°/s)",
                fitted ? a -> k * Math.pow(a, e) : null, fitted ? "v = " + Html.num(k, 1) + " · A^" + Html.num(e, 2) : "");
        return Html.figure(svg, points.size() + " saccades; the line is the recording's fit (0.5 to 30° saccades).");
    }

    private static String velocity(ObjectRows object, ReportRow r, String id, VelocityTraces.Trace trace) {
        double start = r.number("start_time_ms") / 1000;
        double end = start + r.number("duration_ms") / 1000;
        List<Charts.Lane> bands = new ArrayList<>();
        bands.add(lane("fixations", rowsOf(object, GazeTables.FIXATIONS.name(), id), "#f58518"));
        bands.add(lane("saccades", rowsOf(object, GazeTables.SACCADES.name(), id), "#4c78a8"));
        bands.add(lane("pursuits", rowsOf(object, GazeTables.PURSUITS.name(), id), "#54a24b"));
        bands.add(lane("blinks", rowsOf(object, GazeTables.BLINKS.name(), id), "#79706e"));
        double[] times = trace == null ? new double[0] : trace.times();
        double[] values = trace == null ? new double[0] : trace.velocities();
        String note = trace == null ? "The recording could not be read again for its velocity trace; events only."
                : "Peak angular velocity per " + Html.num((end - start) / VelocityTraces.POINTS * 1000, 1) + " ms (from the recording, read again"
                        + " with this configuration), and the events below.";
        return Html.figure(Charts.trace("velocity", times, values, times.length, Double.isFinite(start) ? start : 0,
                Double.isFinite(end) ? end : 1, "velocity (°/s)", bands), note);
    }

    private static Charts.Lane lane(String name, List<ReportRow> events, String colour) {
        return new Charts.Lane(name, events.stream()
                .map(e -> new Charts.Span(e.number("start_time_ms") / 1000, e.number("end_time_ms") / 1000, colour,
                        name + ": " + Html.num(e.number("start_time_ms"), 0) + " ms, " + Html.num(e.number("duration_ms"), 0) + " ms long"))
                .toList());
    }

    private static Map<String, VelocityTraces.Trace> traces(ObjectRows object, List<ReportRow> recordings, ReportContext context) {
        Optional<MediaFormat> format = Arrays.stream(MediaFormat.values()).filter(f -> f.label().equals(object.ledger().text("format"))).findFirst();
        if (format.isEmpty() || context.gaze() == null) {
            return Map.of();
        }
        Map<String, double[]> spans = recordings.stream().collect(Collectors.toMap(r -> r.text("recording_id"),
                r -> new double[] {r.number("start_time_ms"), r.number("duration_ms")}, (a, b) -> a));
        try {
            return VelocityTraces.read(context.store(), object.uri(), object.version(), format.get(),
                    object.ledger().integer("size_bytes", -1), context.gaze(), spans);
        } catch (Exception e) {
            return Map.of(); // the object is gone or changed: events only
        }
    }

    private static List<ReportRow> rowsOf(ObjectRows object, String table, String recordingId) {
        return object.of(table).stream().filter(row -> recordingId.equals(row.text("recording_id"))).toList();
    }

    private static double positive(double value, double fallback) {
        return value > 0 ? value : fallback;
    }
}
