package dev.sightline.gaze;

import dev.sightline.gaze.format.GazeSampleSink;
import dev.sightline.gaze.format.RecordingHeader;
import dev.sightline.gaze.format.StimulusMark;
import dev.sightline.gaze.format.TrackerEvent;
import dev.sightline.gaze.stimulus.StimulusLinks;
import dev.sightline.gaze.stimulus.StimulusTimeline;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.ObjectNames;
import dev.sightline.ingest.StableId;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.RowSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Analyses the recordings of one gaze object as a parser streams their samples: checks
 * timestamps, marks missing samples, then cleans, detects and turns labels into events one
 * chunk at a time, carrying the unfinished last event over. Memory is bounded by the chunk and
 * grows only with the events found.
 */
public final class GazeAnalyzer implements GazeSampleSink {

    private static final int RATE_PROBE_SAMPLES = 100;
    private static final double MAX_FILLED_GAP_SECONDS = 10;

    private final String uri;
    private final String version;
    private final String sourceFormat;
    private final GazeSettings settings;
    private final RowSink out;
    private final String parametersJson;

    private Recording current;
    private int recordings;
    private long samples;
    private long problems;
    private final ProblemLog fileProblems = new ProblemLog();
    private TraceObserver observer;

    public GazeAnalyzer(String uri, String version, String sourceFormat, GazeSettings settings, RowSink out) {
        this.uri = uri;
        this.version = version;
        this.sourceFormat = sourceFormat;
        this.settings = settings;
        this.out = out;
        this.parametersJson = parametersJson(settings);
    }

    /** Sees each recording's classified samples as they are emitted (for plots of the velocity trace); null for none. */
    public GazeAnalyzer observing(TraceObserver traceObserver) {
        this.observer = traceObserver;
        return this;
    }

    /** Recordings, samples and problems so far. */
    public GazeFormats.Summary summary() {
        return new GazeFormats.Summary(recordings, samples, problems);
    }

    /** Problems outside any recording (e.g. lines before the first one). */
    public void finish() {
        if (current != null) {
            endRecording();
        }
        problems += fileProblems.total();
        for (String summary : fileProblems.summaries()) {
            problem(summary);
        }
    }

    /** Lines that could not be used, summarised per kind ("recording X: N lines (first: 12, 40): problem"), as a dead letter. */
    private void problem(String summary) {
        out.add(LedgerTables.DEAD_LETTERS, new DeadLetter(uri, version, AnalyzeGaze.STAGE, AnalyzeGaze.GazeOutcomes.BAD_LINES,
                ObjectNames.fileName(uri) + ": " + summary, Instant.now()));
    }

    @Override
    public void beginRecording(RecordingHeader header) {
        if (current != null) {
            endRecording();
        }
        current = new Recording(header);
    }

    @Override
    public void sample(long line, long timeUs, double xPx, double yPx, double pupil, boolean valid) {
        if (current == null) {
            beginRecording(new RecordingHeader("", "", "unknown", 0, 0, 0));
        }
        current.sample(line, timeUs, xPx, yPx, pupil, valid);
    }

    @Override
    public void trackerEvent(TrackerEvent event) {
        if (current != null) {
            current.trackerEvent(event);
        }
    }

    @Override
    public void stimulus(StimulusMark mark) {
        if (current != null) {
            current.timeline.add(mark);
        }
    }

    @Override
    public void problem(long line, String problem) {
        if (current != null) {
            current.problems.add(line, problem);
        } else {
            fileProblems.add(line, problem);
        }
    }

    @Override
    public void endRecording() {
        if (current != null) {
            current.finish();
            samples += current.samples;
            problems += current.problems.total();
            current = null;
            recordings++;
        }
    }

    /** The state of the recording being read. */
    private final class Recording {
        final RecordingHeader header;
        final String id;
        final ScreenGeometry geometry;
        final ProblemLog problems = new ProblemLog();
        final EventAccumulator events = new EventAccumulator();
        final FixationPrecision precision = new FixationPrecision();
        final List<AoiAccumulator> aois = new ArrayList<>();
        final StimulusTimeline timeline = new StimulusTimeline();
        double rateHz;
        long periodUs;
        GazeTrace trace;
        TraceCleaner cleaner;
        int chunkSamples;
        /** Samples before this index were emitted already (context only). */
        int emitFrom;
        long[] probeTimes = new long[RATE_PROBE_SAMPLES];
        List<double[]> probe = new ArrayList<>();
        long lastTimeUs = Long.MIN_VALUE;
        long firstTimeUs = Long.MIN_VALUE;
        long samples;
        long invalidSamples;
        long imputedTimes;
        long fixationIndex;
        long saccadeIndex;
        long blinkIndex;
        long pursuitIndex;
        long trackerFixations;
        long trackerSaccades;
        long trackerBlinks;

        Recording(RecordingHeader header) {
            this.header = header;
            this.id = StableId.of(uri, version, header.participant(), header.name());
            this.geometry = header.geometry(settings.geometry());
            for (Aoi aoi : settings.aois()) {
                aois.add(new AoiAccumulator(aoi));
            }
            double rate = header.samplingRateHz() > 0 ? header.samplingRateHz() : settings.samplingRateHz();
            if (rate > 0) {
                start(rate);
            }
        }

        void start(double rate) {
            rateHz = rate;
            periodUs = Math.max(1, Math.round(1_000_000 / rate));
            chunkSamples = (int) Math.max(1000, rate * settings.chunkSeconds());
            trace = new GazeTrace(chunkSamples + chunkSamples / 4);
            cleaner = new TraceCleaner(settings.cleaning(), geometry, rate);
        }

        void sample(long line, long timeUs, double x, double y, double pupil, boolean valid) {
            if (timeUs == MISSING_TIME) {
                if (rateHz <= 0) {
                    problems.add(line, "missing timestamp (set gaze.sampling-rate-hz to place such samples)");
                    return;
                }
                timeUs = lastTimeUs == Long.MIN_VALUE ? 0 : lastTimeUs + periodUs; // placed by the known rate
                imputedTimes++;
            }
            if (lastTimeUs != Long.MIN_VALUE && timeUs <= lastTimeUs) {
                problems.add(line, timeUs == lastTimeUs ? "duplicate timestamp; sample dropped"
                        : "timestamp goes backwards; sample dropped");
                return;
            }
            lastTimeUs = timeUs;
            if (trace == null) {
                probe.add(new double[] {line, timeUs, x, y, pupil, valid ? 1 : 0});
                if (probe.size() == RATE_PROBE_SAMPLES) {
                    startFromProbe();
                }
                return;
            }
            accept(timeUs, x, y, pupil, valid);
        }

        /** Estimates the rate from the median step of the first timestamps, then replays them. */
        void startFromProbe() {
            long[] steps = new long[Math.max(1, probe.size() - 1)];
            int n = 0;
            for (int i = 1; i < probe.size(); i++) {
                steps[n++] = (long) (probe.get(i)[1] - probe.get(i - 1)[1]);
            }
            Arrays.sort(steps, 0, n);
            long median = n > 0 ? Math.max(1, steps[n / 2]) : 1000;
            start(1_000_000.0 / median);
            List<double[]> held = probe;
            probe = null;
            for (double[] s : held) {
                accept((long) s[1], s[2], s[3], s[4], s[5] == 1);
            }
        }

        void accept(long timeUs, double x, double y, double pupil, boolean valid) {
            if (firstTimeUs == Long.MIN_VALUE) {
                firstTimeUs = timeUs;
            } else if (trace.size > 0) {
                long step = timeUs - trace.timeUs[trace.size - 1];
                if (step > periodUs * 3 / 2) {
                    // Missing samples: fill their places as track loss, so velocities stay per sample.
                    long missing = Math.min(Math.round(step / (double) periodUs) - 1, (long) (MAX_FILLED_GAP_SECONDS * rateHz));
                    long base = trace.timeUs[trace.size - 1];
                    for (long k = 1; k <= missing; k++) {
                        add(base + k * (step / (missing + 1)), Double.NaN, Double.NaN, Double.NaN, false);
                    }
                }
            }
            add(timeUs, x, y, pupil, valid);
        }

        void add(long timeUs, double x, double y, double pupil, boolean valid) {
            trace.add(timeUs, x, y, pupil, valid);
            samples++;
            if (!valid) {
                invalidSamples++;
            }
            if (trace.size >= emitFrom + chunkSamples) {
                process(false);
            }
        }

        void trackerEvent(TrackerEvent e) {
            String source = "tracker";
            String detector = "eyelink";
            double startMs = e.startUs() / 1000.0;
            double endMs = e.endUs() / 1000.0;
            switch (e.type()) {
                case "fixation" -> out.add(GazeTables.FIXATIONS, new GazeRows.Fixation(uri, version, id, trackerFixations++, startMs, endMs,
                        endMs - startMs, e.x(), e.y(), geometry.xDeg(e.x()), geometry.yDeg(e.y()), Double.NaN, detector, source + "-" + e.eye()));
                case "saccade" -> out.add(GazeTables.SACCADES, new GazeRows.Saccade(uri, version, id, trackerSaccades++, startMs, endMs,
                        endMs - startMs, e.startX(), e.startY(), e.x(), e.y(), geometry.xDeg(e.startX()), geometry.yDeg(e.startY()),
                        geometry.xDeg(e.x()), geometry.yDeg(e.y()), e.amplitudeDeg(), e.peakVelocity(), Double.NaN, detector,
                        source + "-" + e.eye()));
                default -> out.add(GazeTables.BLINKS, new GazeRows.Blink(uri, version, id, trackerBlinks++, startMs, endMs, endMs - startMs,
                        detector, source + "-" + e.eye()));
            }
        }

        /** Cleans and classifies the trace, emits the finished events and keeps the rest. */
        void process(boolean last) {
            if (trace.size == 0) {
                return;
            }
            cleaner.clean(trace);
            settings.detector().classify(trace, rateHz);
            settings.merger().merge(trace, geometry, rateHz);
            int limit = trace.size;
            if (!last) {
                // The newest samples have no velocity yet and their event may go on: keep the run
                // they belong to (with a saccade's glissade, a blink's artefacts) for the next chunk.
                int guard = Math.max(cleaner.contextSamples() + 1, (int) (rateHz / 10));
                limit = lastRunStart(Math.max(emitFrom, trace.size - 1 - guard));
                while (limit > emitFrom && (trace.labels[limit] == GazeLabel.PSO || trace.labels[limit] == GazeLabel.BLINK
                        || trace.labels[limit - 1] == GazeLabel.BLINK)) {
                    limit = lastRunStart(limit - 1);
                }
                if (limit <= emitFrom + cleaner.contextSamples()) {
                    limit = trace.size - guard; // one very long event: split it
                }
            }
            if (observer != null) {
                observer.samples(id, trace, emitFrom, limit);
            }
            emit(emitFrom, limit);
            if (!last) {
                int keepFrom = Math.max(0, limit - 2 * cleaner.contextSamples());
                trace.dropBefore(keepFrom);
                emitFrom = limit - keepFrom;
            }
        }

        private int lastRunStart(int index) {
            byte label = trace.labels[index];
            int i = index;
            while (i > 0 && trace.labels[i - 1] == label) {
                i--;
            }
            return i;
        }

        /** Emits the events of the label runs that start in {@code [from, to)}. */
        void emit(int from, int to) {
            int i = from;
            while (i < to) {
                byte label = trace.labels[i];
                int end = i;
                while (end < trace.size && end < to && trace.labels[end] == label) {
                    end++;
                }
                switch (label) {
                    case GazeLabel.FIXATION -> fixation(i, end);
                    case GazeLabel.PURSUIT -> pursuit(i, end);
                    case GazeLabel.SACCADE -> {
                        int psoEnd = end;
                        while (psoEnd < to && trace.labels[psoEnd] == GazeLabel.PSO) {
                            psoEnd++;
                        }
                        saccade(i, end, psoEnd);
                        end = psoEnd;
                    }
                    case GazeLabel.PSO -> events.psos++;
                    case GazeLabel.BLINK -> blink(i, end);
                    default -> { }
                }
                i = end;
            }
        }

        double ms(long us) {
            return us / 1000.0;
        }

        double endMs(int lastIndex) {
            return ms(trace.timeUs[lastIndex] + periodUs);
        }

        void fixation(int s, int e) {
            double sx = 0;
            double sy = 0;
            int n = 0;
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int k = s; k < e; k++) {
                if (!Double.isNaN(trace.xPx[k])) {
                    sx += trace.xPx[k];
                    sy += trace.yPx[k];
                    n++;
                    minX = Math.min(minX, trace.xDeg[k]);
                    maxX = Math.max(maxX, trace.xDeg[k]);
                    minY = Math.min(minY, trace.yDeg[k]);
                    maxY = Math.max(maxY, trace.yDeg[k]);
                }
            }
            double x = sx / n;
            double y = sy / n;
            double start = ms(trace.timeUs[s]);
            double end = endMs(e - 1);
            events.fixation(end - start);
            precision.fixation(trace.xDeg, trace.yDeg, s, e);
            for (AoiAccumulator aoi : aois) {
                aoi.fixation(x, y, start, end - start);
            }
            out.add(GazeTables.FIXATIONS, new GazeRows.Fixation(uri, version, id, fixationIndex++, start, end, end - start, x, y,
                    geometry.xDeg(x), geometry.yDeg(y), (maxX - minX) + (maxY - minY), settings.detector().name(), "detected"));
        }

        void saccade(int s, int e, int psoEnd) {
            double peak = 0;
            for (int k = s; k < e; k++) {
                if (trace.velocity[k] > peak) {
                    peak = trace.velocity[k];
                }
            }
            double x0 = trace.xPx[s];
            double y0 = trace.yPx[s];
            double x1 = trace.xPx[e - 1];
            double y1 = trace.yPx[e - 1];
            double amplitude = geometry.angleDeg(x0, y0, x1, y1);
            double start = ms(trace.timeUs[s]);
            double end = endMs(e - 1);
            double pso = psoEnd > e ? endMs(psoEnd - 1) - end : 0;
            if (psoEnd > e) {
                events.psos++;
            }
            events.saccade(amplitude, peak);
            out.add(GazeTables.SACCADES, new GazeRows.Saccade(uri, version, id, saccadeIndex++, start, end, end - start, x0, y0, x1, y1,
                    geometry.xDeg(x0), geometry.yDeg(y0), geometry.xDeg(x1), geometry.yDeg(y1), amplitude, peak, pso,
                    settings.detector().name(), "detected"));
        }

        void pursuit(int s, int e) {
            int first = s;
            while (first < e && Double.isNaN(trace.xPx[first])) {
                first++;
            }
            int last = e - 1;
            while (last > first && Double.isNaN(trace.xPx[last])) {
                last--;
            }
            if (first >= e) {
                return;
            }
            // Speed along the path of 20 ms averages: the eye's smooth movement without the tracker's noise.
            int step = Math.max(1, (int) Math.round(rateHz / 50));
            double path = 0;
            double px = Double.NaN;
            double py = Double.NaN;
            for (int k = first; k <= last; k += step) {
                double sx = 0;
                double sy = 0;
                int n = 0;
                for (int m = k; m < Math.min(last + 1, k + step); m++) {
                    if (!Double.isNaN(trace.xDeg[m])) {
                        sx += trace.xDeg[m];
                        sy += trace.yDeg[m];
                        n++;
                    }
                }
                if (n > 0) {
                    double x = sx / n;
                    double y = sy / n;
                    if (!Double.isNaN(px)) {
                        path += Math.hypot(x - px, y - py);
                    }
                    px = x;
                    py = y;
                }
            }
            double x0 = trace.xPx[first];
            double y0 = trace.yPx[first];
            double x1 = trace.xPx[last];
            double y1 = trace.yPx[last];
            double start = ms(trace.timeUs[s]);
            double end = endMs(e - 1);
            double direction = Math.toDegrees(Math.atan2(-(geometry.yDeg(y1) - geometry.yDeg(y0)), geometry.xDeg(x1) - geometry.xDeg(x0)));
            out.add(GazeTables.PURSUITS, new GazeRows.Pursuit(uri, version, id, pursuitIndex++, start, end, end - start, x0, y0, x1, y1,
                    geometry.xDeg(x0), geometry.yDeg(y0), geometry.xDeg(x1), geometry.yDeg(y1), geometry.angleDeg(x0, y0, x1, y1),
                    path / ((end - start) / 1000), direction, settings.detector().name(), "detected"));
        }

        void blink(int s, int e) {
            double start = ms(trace.timeUs[s]);
            double end = endMs(e - 1);
            events.blinks++;
            out.add(GazeTables.BLINKS, new GazeRows.Blink(uri, version, id, blinkIndex++, start, end, end - start, "loss-run", "detected"));
        }

        void finish() {
            if (trace == null && probe != null && !probe.isEmpty()) {
                startFromProbe();
            }
            if (trace != null) {
                process(true);
            }
            long skipped = problems.total();
            double durationMs = samples == 0 ? 0 : (lastTimeUs - firstTimeUs) / 1000.0 + periodUs / 1000.0;
            double loss = samples + skipped == 0 ? 100 : 100.0 * (invalidSamples + skipped) / (samples + skipped);
            double[] mainSequence = events.mainSequence();
            out.add(GazeTables.RECORDINGS, new GazeRows.Recording(uri, version, id, header.participant(), header.name(), sourceFormat,
                    header.eyes(), samples, rateHz, firstTimeUs == Long.MIN_VALUE ? Double.NaN : ms(firstTimeUs), durationMs,
                    geometry.widthPx(), geometry.heightPx(), geometry.widthMm(), geometry.heightMm(), geometry.distanceMm(),
                    loss, events.fixationCount(), events.fixationMean(), events.fixationMedian(), events.saccadeCount(),
                    events.amplitudeMean(), events.peakVelocityMean(), mainSequence[0], mainSequence[1], events.psos,
                    events.blinks, durationMs > 0 ? events.blinks / (durationMs / 60_000) : Double.NaN, skipped,
                    settings.detector().name(), parametersJson, precision.rmsS2sDeg(), precision.bceaDeg2()));
            for (AoiAccumulator a : aois) {
                out.add(GazeTables.AOI_METRICS, new GazeRows.AoiMetrics(uri, version, id, a.aoi.name(), a.dwellMs,
                        durationMs > 0 ? 100 * a.dwellMs / durationMs : Double.NaN,
                        Double.isNaN(a.firstFixationStartMs) ? Double.NaN : a.firstFixationStartMs - ms(firstTimeUs),
                        a.firstFixationDurationMs, a.fixations, a.visits, Math.max(0, a.visits - 1)));
            }
            long endUs = samples == 0 ? Long.MIN_VALUE : lastTimeUs + periodUs;
            StimulusLinks.Recording linked = new StimulusLinks.Recording(uri, version, id, sourceFormat, header.participant(),
                    header.name(), firstTimeUs, endUs);
            for (GazeRows.Stimulus link : StimulusLinks.resolve(linked, timeline.finish(endUs), settings.stimuli())) {
                out.add(GazeTables.STIMULI, link);
            }
            String label = header.participant().isEmpty() && header.name().isEmpty() ? ""
                    : "recording " + (header.participant() + " " + header.name()).trim() + ": ";
            for (String summary : problems.summaries()) {
                problem(label + summary);
            }
        }
    }

    /** Every parameter of the analysis as a small JSON object, stored with each recording. */
    static String parametersJson(GazeSettings s) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("detector", s.detector().name());
        s.detector().parameters().forEach((k, v) -> p.put("detector." + k, v));
        p.put("cleaning.max_interpolation_gap_ms", s.cleaning().maxInterpolationGapMs());
        p.put("cleaning.blink_min_ms", s.cleaning().blinkMinMs());
        p.put("cleaning.blink_max_ms", s.cleaning().blinkMaxMs());
        p.put("cleaning.velocity_filter", "savitzky-golay order 2");
        p.put("cleaning.velocity_window_ms", s.cleaning().velocityWindowMs());
        p.put("configured_sampling_rate_hz", s.samplingRateHz());
        p.put("chunk_seconds", s.chunkSeconds());
        p.put("merge.max_gap_ms", s.merger().maxGapMs());
        p.put("merge.max_angle_deg", s.merger().maxAngleDeg());
        p.put("aois", s.aois().stream().map(Aoi::name).collect(Collectors.toList()));
        return p.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + json(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String json(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(GazeAnalyzer::json).collect(Collectors.joining(",", "[", "]"));
        }
        return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
