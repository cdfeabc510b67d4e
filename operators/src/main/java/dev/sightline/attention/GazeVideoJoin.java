package dev.sightline.attention;

import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.ObjectNames;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.RowSink;
import dev.sightline.sink.TableOutputs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The gaze-video join, keyed by stimulus key: holds the video's tracks and scenes and the
 * viewings of recordings that showed it. Either side may come first, days apart: a viewing waits
 * for its video up to {@link JoinSettings#recordingWait()}, then gets a {@code StimulusNotFound}
 * dead letter; a video is kept {@link JoinSettings#videoKeep()} after its last use. Each viewing
 * is joined once per video version (a new version of the video joins every viewing again), and
 * each join writes a new revision of the video's {@code video_attention} rows. Emits the ids of
 * the viewings it joined.
 * Metrics: {@code viewingsJoined}, {@code viewingsWaiting}, {@code stimuliNotFound}.
 */
public final class GazeVideoJoin extends KeyedCoProcessFunction<String, Viewing, StimulusVideo, String> {
    private static final long serialVersionUID = 1L;

    /** The stage of the join's dead letters. */
    public static final String STAGE = "gaze-video";
    /** Error class of a recording whose video did not come in time. */
    public static final String NOT_FOUND = "StimulusNotFound";

    private final JoinSettings settings;
    private transient ValueState<StimulusVideo> video;
    private transient ValueState<Long> videoUsedAt;
    private transient MapState<String, Viewing> viewings;
    private transient MapState<String, Long> waitingSince;
    private transient MapState<String, ViewerSummary> summaries;
    private transient Counter joined;
    private transient Counter waiting;
    private transient Counter notFound;

    public GazeVideoJoin(JoinSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        video = getRuntimeContext().getState(new ValueStateDescriptor<>("video", TypeInformation.of(StimulusVideo.class)));
        videoUsedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("video-used-at", Types.LONG));
        viewings = getRuntimeContext().getMapState(new MapStateDescriptor<>("viewings", Types.STRING, TypeInformation.of(Viewing.class)));
        waitingSince = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting-since", Types.STRING, Types.LONG));
        summaries = getRuntimeContext().getMapState(new MapStateDescriptor<>("summaries", Types.STRING,
                TypeInformation.of(ViewerSummary.class)));
        joined = getRuntimeContext().getMetricGroup().counter("viewingsJoined");
        waiting = getRuntimeContext().getMetricGroup().counter("viewingsWaiting");
        notFound = getRuntimeContext().getMetricGroup().counter("stimuliNotFound");
    }

    @Override
    public void processElement1(Viewing viewing, Context context, Collector<String> out) throws Exception {
        if (viewings.contains(viewing.id())) {
            return; // the same recording's presentation again: already held
        }
        viewings.put(viewing.id(), viewing);
        StimulusVideo current = video.value();
        long now = context.timerService().currentProcessingTime();
        if (current == null) {
            waitingSince.put(viewing.id(), now);
            waiting.inc();
            context.timerService().registerProcessingTimeTimer(now + settings.recordingWait().toMillis());
            return;
        }
        RowSink sink = new TableOutputs(context::output);
        summaries.put(viewing.id(), GazeOnVideo.join(viewing, current, settings, sink));
        joined.inc();
        out.collect(viewing.id());
        writeAttention(current, sink);
        touch(context, now);
    }

    @Override
    public void processElement2(StimulusVideo arrived, Context context, Collector<String> out) throws Exception {
        StimulusVideo current = video.value();
        if (current != null && current.videoId().equals(arrived.videoId())) {
            return; // this version is held already
        }
        video.update(arrived);
        summaries.clear();
        waitingSince.clear();
        RowSink sink = new TableOutputs(context::output);
        List<Map.Entry<String, Viewing>> all = new ArrayList<>();
        viewings.entries().forEach(all::add);
        all.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, Viewing> entry : all) {
            summaries.put(entry.getKey(), GazeOnVideo.join(entry.getValue(), arrived, settings, sink));
            joined.inc();
            out.collect(entry.getKey());
        }
        if (!all.isEmpty()) {
            writeAttention(arrived, sink);
        }
        touch(context, context.timerService().currentProcessingTime());
    }

    private void writeAttention(StimulusVideo current, RowSink sink) throws Exception {
        List<ViewerSummary> all = new ArrayList<>();
        summaries.values().forEach(all::add);
        VideoAttention.write(current, all, settings, sink);
    }

    private void touch(Context context, long now) throws Exception {
        videoUsedAt.update(now);
        context.timerService().registerProcessingTimeTimer(now + settings.videoKeep().toMillis());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<String> out) throws Exception {
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, Long> entry : waitingSince.entries()) {
            if (entry.getValue() + settings.recordingWait().toMillis() <= timestamp) {
                expired.add(entry.getKey());
            }
        }
        RowSink sink = new TableOutputs(context::output);
        expired.sort(null);
        for (String id : expired) {
            Viewing viewing = viewings.get(id);
            waitingSince.remove(id);
            viewings.remove(id);
            notFound.inc();
            sink.add(LedgerTables.DEAD_LETTERS, new DeadLetter(viewing.uri(), viewing.version(), STAGE, NOT_FOUND,
                    ObjectNames.fileName(viewing.uri()) + ": recording " + viewing.recordingId() + " showed " + viewing.videoRef()
                            + ", whose analysis did not arrive within " + settings.recordingWait() + " (gaze.video.recording-wait)",
                    Instant.ofEpochMilli(timestamp)));
        }
        Long used = videoUsedAt.value();
        if (video.value() != null && used != null && used + settings.videoKeep().toMillis() <= timestamp) {
            video.clear();
            videoUsedAt.clear();
            summaries.clear();
            viewings.clear();
            waitingSince.clear();
        }
    }
}
