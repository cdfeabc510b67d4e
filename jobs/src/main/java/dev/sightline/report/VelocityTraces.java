package dev.sightline.report;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.RangedObjectStream;
import dev.sightline.gaze.GazeAnalyzer;
import dev.sightline.gaze.GazeFormats;
import dev.sightline.gaze.GazeSettings;
import dev.sightline.gaze.GazeTrace;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.sink.CollectedRows;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The velocity traces of a gaze object's recordings, read again from the store (the tables keep
 * events, not samples) with the configured analysis, kept at most {@link #POINTS} points per
 * recording: the highest velocity of each time bucket, so no saccade's peak is lost.
 */
final class VelocityTraces {

    /** Points kept per recording. */
    static final int POINTS = 3000;

    /** One recording's trace: bucket start times (seconds, tracker clock) and peak velocities (deg/s, NaN where none). */
    record Trace(double[] times, double[] velocities) {}

    private VelocityTraces() {}

    /**
     * The traces by recording id; {@code spans} gives each recording's start and duration (ms)
     * from {@code gaze_recordings}, so buckets are fixed before reading.
     */
    static Map<String, Trace> read(ObjectStore store, String uri, String version, MediaFormat format, long sizeBytes, GazeSettings settings,
            Map<String, double[]> spans) throws Exception {
        Map<String, double[]> peaks = new HashMap<>();
        GazeAnalyzer analyzer = new GazeAnalyzer(uri, version, format.label(), settings, new CollectedRows())
                .observing((recordingId, trace, from, to) -> collect(spans.get(recordingId), peaks, recordingId, trace, from, to));
        try (InputStream in = new RangedObjectStream(store, uri, sizeBytes)) {
            GazeFormats.read(format, in, settings, analyzer);
        }
        analyzer.finish();
        Map<String, Trace> traces = new HashMap<>();
        peaks.forEach((id, values) -> {
            double[] span = spans.get(id);
            double step = span[1] / POINTS;
            double[] times = new double[POINTS];
            for (int i = 0; i < POINTS; i++) {
                times[i] = (span[0] + (i + 0.5) * step) / 1000.0;
            }
            traces.put(id, new Trace(times, values));
        });
        return traces;
    }

    private static void collect(double[] span, Map<String, double[]> peaks, String id, GazeTrace trace, int from, int to) {
        if (span == null || !(span[1] > 0)) {
            return;
        }
        double[] values = peaks.computeIfAbsent(id, k -> {
            double[] v = new double[POINTS];
            Arrays.fill(v, Double.NaN);
            return v;
        });
        for (int i = from; i < to; i++) {
            double v = trace.velocity(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            int bucket = (int) Math.floor((trace.timeUs(i) / 1000.0 - span[0]) / span[1] * POINTS);
            if (bucket >= 0 && bucket < POINTS && !(values[bucket] >= v)) {
                values[bucket] = v;
            }
        }
    }
}
