package dev.sightline.video;

import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.SideOutput;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.OutputTag;

/** The side outputs of the stage that ends a video, one per table and dead letters, as a {@link VideoSink}. */
final class VideoOutputs implements VideoSink {

    static final OutputTag<VideoRows.Scene> SCENES = new OutputTag<>("video-scenes", TypeInformation.of(VideoRows.Scene.class));
    static final OutputTag<VideoRows.Detection> DETECTIONS = new OutputTag<>("video-detections", TypeInformation.of(VideoRows.Detection.class));
    static final OutputTag<VideoRows.Track> TRACKS = new OutputTag<>("video-tracks", TypeInformation.of(VideoRows.Track.class));
    static final OutputTag<VideoRows.Summary> SUMMARIES = new OutputTag<>("video-summary", TypeInformation.of(VideoRows.Summary.class));
    static final OutputTag<DeadLetter> PROBLEMS = new OutputTag<>("video-problems", TypeInformation.of(DeadLetter.class));


    private final SideOutput emitter;
    private final Counter scenes;

    VideoOutputs(SideOutput emitter, Counter scenes) {
        this.emitter = emitter;
        this.scenes = scenes;
    }

    @Override
    public void scene(VideoRows.Scene row) {
        scenes.inc();
        emitter.output(SCENES, row);
    }

    @Override
    public void summary(VideoRows.Summary row) {
        emitter.output(SUMMARIES, row);
    }

    @Override
    public void detection(VideoRows.Detection row) {
        emitter.output(DETECTIONS, row);
    }

    @Override
    public void track(VideoRows.Track row) {
        emitter.output(TRACKS, row);
    }
}
