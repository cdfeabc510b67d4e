package dev.sightline.video;

import dev.sightline.attention.StimulusVideo;
import dev.sightline.attention.VideoCollector;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.TableOutputs;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The last video stage, keyed by video: gathers the analysed batches by sequence number (a batch
 * never counts twice; each arrival reads only a count) until the closing record says all have
 * come, then decides the scenes, tracks the detections and writes the rows, keyframes and the
 * video's outcome; when the gaze-video join reads them, the analysed video also goes, as a
 * {@link StimulusVideo}, to {@link StimulusVideo#OUTPUT}. Its state
 * holds only the scores, detections and candidate thumbnails of videos in flight.
 * Metrics: {@code scenes}.
 */
public final class AssembleVideo extends KeyedProcessFunction<String, FrameResults, ObjectOutcome> {
    private static final long serialVersionUID = 1L;

    private final ObjectStoreFactory stores;
    private final VideoSettings settings;
    private transient ObjectStore store;
    private transient MapState<Integer, FrameResults> batches;
    private transient ValueState<Integer> received;
    private transient ValueState<VideoEnd> end;
    private transient Counter scenes;

    private final boolean stimulusVideos;

    /** @param stimulusVideos whether to emit each analysed video as a {@link StimulusVideo} (the gaze-video join reads them) */
    public AssembleVideo(ObjectStoreFactory stores, VideoSettings settings, boolean stimulusVideos) {
        this.stores = stores;
        this.settings = settings;
        this.stimulusVideos = stimulusVideos;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        store = stores.create();
        batches = getRuntimeContext().getMapState(new MapStateDescriptor<>("batches", Types.INT, TypeInformation.of(FrameResults.class)));
        received = getRuntimeContext().getState(new ValueStateDescriptor<>("received", Types.INT));
        end = getRuntimeContext().getState(new ValueStateDescriptor<>("end", TypeInformation.of(VideoEnd.class)));
        scenes = getRuntimeContext().getMetricGroup().counter("scenes");
    }

    @Override
    public void processElement(FrameResults results, Context context, Collector<ObjectOutcome> out) throws Exception {
        if (results.end() != null) {
            end.update(results.end());
        } else if (!batches.contains(results.sequence())) {
            batches.put(results.sequence(), results);
            received.update(received.value() == null ? 1 : received.value() + 1);
        }
        VideoEnd closing = end.value();
        int got = received.value() == null ? 0 : received.value();
        if (closing == null || got < closing.batches()) {
            return;
        }
        List<FrameResults> all = new ArrayList<>();
        batches.values().forEach(all::add);
        batches.clear();
        received.clear();
        end.clear();
        KeyframeStore keyframes = KeyframeStore.forVideo(store, settings.processedUri(), VideoAnalysis.videoId(closing.object()));
        TableOutputs rows = new TableOutputs(context::output).observing(VideoTables.SCENES, scene -> scenes.inc());
        VideoCollector stimulus = stimulusVideos ? new VideoCollector(closing.object()) : null;
        if (stimulus != null) {
            rows.observingRows(stimulus);
        }
        out.collect(VideoAssembly.finish(closing, all, settings, keyframes, rows));
        if (stimulus != null) {
            stimulus.videos().forEach(video -> context.output(StimulusVideo.OUTPUT, video));
        }
    }

    @Override
    public void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }
}
