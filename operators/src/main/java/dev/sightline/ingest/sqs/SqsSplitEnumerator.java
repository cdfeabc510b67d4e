package dev.sightline.ingest.sqs;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Gives every reader subtask one split of the queue as it registers (and again after it fails and
 * its split comes back), so parallel readers all poll the queue.
 */
final class SqsSplitEnumerator implements SplitEnumerator<SqsSplit, SqsEnumeratorState> {

    private final SplitEnumeratorContext<SqsSplit> context;
    private final Set<Integer> assigned;

    SqsSplitEnumerator(SplitEnumeratorContext<SqsSplit> context, Set<Integer> assigned) {
        this.context = context;
        this.assigned = new TreeSet<>(assigned);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<SqsSplit> splits, int subtaskId) {
        assigned.remove(subtaskId);
    }

    @Override
    public void addReader(int subtaskId) {
        if (assigned.add(subtaskId)) {
            context.assignSplit(new SqsSplit("queue-" + subtaskId), subtaskId);
        }
    }

    @Override
    public SqsEnumeratorState snapshotState(long checkpointId) {
        return new SqsEnumeratorState(assigned);
    }

    @Override
    public void close() {}
}
