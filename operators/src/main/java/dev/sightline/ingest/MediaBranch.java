package dev.sightline.ingest;

import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableStreams;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The analysis of one media type: takes that type's objects, writes its result tables and ends
 * each object with an {@link ObjectOutcome} for the ledger. The video, audio and gaze analyses
 * plug in here.
 */
public interface MediaBranch {

    /** The media type this branch analyses. */
    MediaType mediaType();

    /**
     * Further media types whose objects this branch also analyses, besides the ledger's branch
     * for them (the audio branch reads videos' sound tracks). It writes no ledger outcome for them.
     */
    default List<MediaType> alsoReads() {
        return List.of();
    }

    /** The result tables the branch writes, prepared in the catalog before the job starts. */
    List<TableDefinition<?>> tables();

    /**
     * Adds the branch's operators (every one with a stable uid) and hands its result rows to
     * {@code tables}; returns an outcome per object. Failed outcomes become dead letters
     * downstream; a partial outcome's dead letters (naming lines, frames, ...) are rows of
     * {@code dead_letters} the branch adds itself.
     */
    DataStream<ObjectOutcome> attach(DataStream<MediaObject> objects, TableStreams tables);
}
