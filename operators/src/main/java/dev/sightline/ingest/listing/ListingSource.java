package dev.sightline.ingest.listing;

import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.ingest.ObjectNotice;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded source (FLIP-27) announcing every object under a prefix once ({@code s3://} or
 * {@code file:}): the backfill path. Its notices join the same keyed dedupe as the notification
 * path, so an object version seen by both is analysed once.
 */
public final class ListingSource implements Source<ObjectNotice, ListingSplit, ListingEnumeratorState> {

    private static final long serialVersionUID = 1L;

    private final ObjectStoreFactory stores;
    private final String prefixUri;
    private final int splitSize;

    /** @param splitSize notices per split handed to a reader */
    public ListingSource(ObjectStoreFactory stores, String prefixUri, int splitSize) {
        if (splitSize < 1) {
            throw new IllegalArgumentException("split size must be at least 1, not " + splitSize);
        }
        this.stores = stores;
        this.prefixUri = prefixUri;
        this.splitSize = splitSize;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<ListingSplit, ListingEnumeratorState> createEnumerator(SplitEnumeratorContext<ListingSplit> context) {
        return new ListingEnumerator(context, stores, prefixUri, splitSize, new ListingEnumeratorState(false, List.of()));
    }

    @Override
    public SplitEnumerator<ListingSplit, ListingEnumeratorState> restoreEnumerator(SplitEnumeratorContext<ListingSplit> context,
            ListingEnumeratorState checkpoint) {
        return new ListingEnumerator(context, stores, prefixUri, splitSize, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<ListingSplit> getSplitSerializer() {
        return new ListingSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<ListingEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new ListingEnumeratorState.Serializer();
    }

    @Override
    public SourceReader<ObjectNotice, ListingSplit> createReader(SourceReaderContext readerContext) {
        return new ListingSourceReader(readerContext);
    }
}
