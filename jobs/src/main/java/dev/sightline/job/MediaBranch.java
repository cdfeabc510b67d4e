package dev.sightline.job;

import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.TableWriter;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The analysis of one media type: takes that type's objects, writes its result tables and ends
 * each object with an {@link ObjectOutcome} for the ledger. The video, audio and gaze analyses
 * plug in here.
 */
public interface MediaBranch {

    /** The media type this branch analyses. */
    MediaType mediaType();

    /** Adds the branch's operators; every stateful one with a stable uid. */
    DataStream<ObjectOutcome> attach(DataStream<MediaObject> objects, TableWriter tables);
}
