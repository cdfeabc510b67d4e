package dev.sightline.gaze;

import dev.sightline.attention.Viewing;
import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.ingest.MediaBranch;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableStreams;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** The gaze branch of the job: parse, clean, detect events, metrics and AOIs, into the gaze tables. */
public final class GazeBranch implements MediaBranch {

    private final ObjectStoreFactory stores;
    private final GazeSettings settings;

    public GazeBranch(ObjectStoreFactory stores, GazeSettings settings) {
        this.stores = stores;
        this.settings = settings;
    }

    @Override
    public MediaType mediaType() {
        return MediaType.GAZE;
    }

    @Override
    public List<TableDefinition<?>> tables() {
        return GazeTables.ALL;
    }

    @Override
    public DataStream<ObjectOutcome> attach(DataStream<MediaObject> objects, TableStreams tables) {
        SingleOutputStreamOperator<ObjectOutcome> outcomes = objects
                .rebalance()
                .process(new AnalyzeGaze(stores, settings, tables.wants(Viewing.OUTPUT)))
                .name("gaze: parse, clean, detect events")
                .uid("gaze-analyze");
        tables.addResults(outcomes, GazeTables.ALL);
        tables.addTagged(Viewing.OUTPUT, outcomes.getSideOutput(Viewing.OUTPUT));
        return outcomes;
    }
}
