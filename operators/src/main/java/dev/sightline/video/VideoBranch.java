package dev.sightline.video;

import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.ingest.MediaBranch;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableWriter;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** The video branch of the job: streaming decode, scene detection, keyframes, detection and tracking, summary. */
public final class VideoBranch implements MediaBranch {

    private final ObjectStoreFactory stores;
    private final VideoSettings settings;

    public VideoBranch(ObjectStoreFactory stores, VideoSettings settings) {
        this.stores = stores;
        this.settings = settings;
    }

    @Override
    public MediaType mediaType() {
        return MediaType.VIDEO;
    }

    @Override
    public List<TableDefinition<?>> tables() {
        return VideoTables.ALL;
    }

    @Override
    public Attached attach(DataStream<MediaObject> objects, TableWriter tables) {
        SingleOutputStreamOperator<ObjectOutcome> outcomes = objects
                .rebalance()
                .process(new AnalyzeVideo(stores, settings))
                .name("video: decode, scenes, people and faces")
                .uid("video-analyze");
        tables.write(outcomes.getSideOutput(AnalyzeVideo.SCENES), VideoTables.SCENES);
        tables.write(outcomes.getSideOutput(AnalyzeVideo.DETECTIONS), VideoTables.DETECTIONS);
        tables.write(outcomes.getSideOutput(AnalyzeVideo.TRACKS), VideoTables.TRACKS);
        tables.write(outcomes.getSideOutput(AnalyzeVideo.SUMMARIES), VideoTables.SUMMARY);
        return new Attached(outcomes, outcomes.getSideOutput(AnalyzeVideo.PROBLEMS));
    }
}
