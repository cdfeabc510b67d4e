package dev.sightline.ingest.listing;

import dev.sightline.cloud.ObjectMetadata;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.ingest.ObjectNotice;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Lists the prefix once (off the coordinator thread), cuts the listing into splits and hands
 * them to readers as they ask; when all are handed out, readers are told there are no more.
 */
final class ListingEnumerator implements SplitEnumerator<ListingSplit, ListingEnumeratorState> {

    private final SplitEnumeratorContext<ListingSplit> context;
    private final ObjectStoreFactory stores;
    private final String prefixUri;
    private final int splitSize;
    private final Deque<ListingSplit> pending;
    private final Set<Integer> waiting = new LinkedHashSet<>();
    private boolean listed;

    ListingEnumerator(SplitEnumeratorContext<ListingSplit> context, ObjectStoreFactory stores, String prefixUri, int splitSize,
            ListingEnumeratorState restored) {
        this.context = context;
        this.stores = stores;
        this.prefixUri = prefixUri;
        this.splitSize = splitSize;
        this.pending = new ArrayDeque<>(restored.pending());
        this.listed = restored.listed();
    }

    @Override
    public void start() {
        if (!listed) {
            context.callAsync(this::list, (splits, error) -> {
                if (error != null) {
                    throw new IllegalStateException("cannot list " + prefixUri + ": " + error.getMessage(), error);
                }
                pending.addAll(splits);
                listed = true;
                List<Integer> readers = new ArrayList<>(waiting);
                waiting.clear();
                readers.forEach(r -> handleSplitRequest(r, null));
            });
        }
    }

    private List<ListingSplit> list() throws Exception {
        List<ListingSplit> splits = new ArrayList<>();
        Instant now = Instant.now();
        try (ObjectStore store = stores.create()) {
            List<ObjectNotice> batch = new ArrayList<>();
            for (ObjectMetadata object : store.list(prefixUri)) {
                batch.add(ObjectNotice.of(object, now));
                if (batch.size() == splitSize) {
                    splits.add(new ListingSplit("listing-" + splits.size(), batch));
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                splits.add(new ListingSplit("listing-" + splits.size(), batch));
            }
        }
        return splits;
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (!context.registeredReaders().containsKey(subtaskId)) {
            return;
        }
        if (!pending.isEmpty()) {
            context.assignSplit(pending.poll(), subtaskId);
        } else if (listed) {
            context.signalNoMoreSplits(subtaskId);
        } else {
            waiting.add(subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<ListingSplit> splits, int subtaskId) {
        splits.forEach(pending::addFirst);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public ListingEnumeratorState snapshotState(long checkpointId) {
        return new ListingEnumeratorState(listed, new ArrayList<>(pending));
    }

    @Override
    public void close() {}
}
