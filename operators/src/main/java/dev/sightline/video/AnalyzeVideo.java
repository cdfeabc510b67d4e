package dev.sightline.video;

import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.cloud.StoreBackedFunction;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectOutcome;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The video stage: decodes each video object as a stream and runs the frame analyzers, emitting
 * rows to side outputs and one outcome per object. Metrics: {@code framesDecoded}, {@code scenes}.
 */
public final class AnalyzeVideo extends StoreBackedFunction<MediaObject, ObjectOutcome> {
    private static final long serialVersionUID = 1L;

    static final OutputTag<VideoRows.Scene> SCENES = new OutputTag<>("video-scenes", TypeInformation.of(VideoRows.Scene.class));
    static final OutputTag<VideoRows.Detection> DETECTIONS = new OutputTag<>("video-detections", TypeInformation.of(VideoRows.Detection.class));
    static final OutputTag<VideoRows.Track> TRACKS = new OutputTag<>("video-tracks", TypeInformation.of(VideoRows.Track.class));
    static final OutputTag<VideoRows.Summary> SUMMARIES = new OutputTag<>("video-summary", TypeInformation.of(VideoRows.Summary.class));
    static final OutputTag<DeadLetter> PROBLEMS = new OutputTag<>("video-problems", TypeInformation.of(DeadLetter.class));

    private final VideoSettings settings;
    private transient Counter frames;
    private transient Counter scenes;

    public AnalyzeVideo(ObjectStoreFactory stores, VideoSettings settings) {
        super(stores);
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        frames = getRuntimeContext().getMetricGroup().counter("framesDecoded");
        scenes = getRuntimeContext().getMetricGroup().counter("scenes");
    }

    @Override
    public void processElement(MediaObject object, Context context, Collector<ObjectOutcome> out) {
        ObjectOutcome outcome = VideoAnalysis.analyze(store(), object, settings, new VideoSink() {
            @Override
            public void scene(VideoRows.Scene row) {
                scenes.inc();
                context.output(SCENES, row);
            }

            @Override
            public void summary(VideoRows.Summary row) {
                frames.inc(row.framesDecoded());
                context.output(SUMMARIES, row);
            }

            @Override
            public void detection(VideoRows.Detection row) {
                context.output(DETECTIONS, row);
            }

            @Override
            public void track(VideoRows.Track row) {
                context.output(TRACKS, row);
            }

            @Override
            public void problem(String message) {
                context.output(PROBLEMS, new DeadLetter(object.uri(), object.version(), VideoAnalysis.STAGE,
                        VideoAnalysis.BROKEN_VIDEO, message, Instant.now()));
            }
        });
        out.collect(outcome);
    }
}
