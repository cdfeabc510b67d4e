package dev.sightline.ingest.listing;

import dev.sightline.ingest.ObjectNotice;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/** Emits the notices of one split at a time and asks for the next when it is done. */
final class ListingSourceReader implements SourceReader<ObjectNotice, ListingSplit> {

    private final SourceReaderContext context;
    private final Deque<ListingSplit> splits = new ArrayDeque<>();
    private final Deque<ObjectNotice> current = new ArrayDeque<>();
    private String currentId;
    private boolean noMoreSplits;
    private boolean requested;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    ListingSourceReader(SourceReaderContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        request();
    }

    private void request() {
        if (!requested && !noMoreSplits) {
            requested = true;
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<ObjectNotice> output) {
        if (current.isEmpty() && !splits.isEmpty()) {
            ListingSplit next = splits.poll();
            currentId = next.splitId();
            current.addAll(next.notices());
        }
        ObjectNotice notice = current.poll();
        if (notice != null) {
            output.collect(notice);
            return InputStatus.MORE_AVAILABLE;
        }
        currentId = null;
        if (noMoreSplits && splits.isEmpty()) {
            return InputStatus.END_OF_INPUT;
        }
        request();
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<ListingSplit> snapshotState(long checkpointId) {
        List<ListingSplit> state = new ArrayList<>();
        if (!current.isEmpty()) {
            state.add(new ListingSplit(currentId, new ArrayList<>(current)));
        }
        state.addAll(splits);
        return state;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        if (!current.isEmpty() || !splits.isEmpty() || noMoreSplits) {
            return CompletableFuture.completedFuture(null);
        }
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return available;
    }

    @Override
    public void addSplits(List<ListingSplit> newSplits) {
        splits.addAll(newSplits);
        requested = false;
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() {}
}
