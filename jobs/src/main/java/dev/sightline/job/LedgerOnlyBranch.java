package dev.sightline.job;

import dev.sightline.ingest.MediaBranch;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableStreams;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A branch for a media type whose analysis is not in this build: the object is identified,
 * hashed and recorded in the ledger as done at the identify stage, and nothing more.
 */
public final class LedgerOnlyBranch implements MediaBranch {

    private final MediaType mediaType;

    public LedgerOnlyBranch(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    @Override
    public MediaType mediaType() {
        return mediaType;
    }

    @Override
    public List<TableDefinition<?>> tables() {
        return List.of();
    }

    @Override
    public DataStream<ObjectOutcome> attach(DataStream<MediaObject> objects, TableStreams tables) {
        return objects.map(new Identified())
                .name(mediaType.label() + ": ledger only")
                .uid(mediaType.label() + "-ledger-only");
    }

    private static final class Identified implements MapFunction<MediaObject, ObjectOutcome> {
        private static final long serialVersionUID = 1L;

        @Override
        public ObjectOutcome map(MediaObject object) {
            return ObjectOutcome.done(object, AnalysisJob.IDENTIFY_STAGE, Instant.now());
        }
    }
}
