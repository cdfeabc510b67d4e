package dev.sightline.ingest.sqs;

import java.util.Set;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink source (FLIP-27) of S3 object-created notifications from an SQS queue, read by
 * parallel readers, with messages deleted only after the checkpoint covering them completes.
 */
public final class SqsNotificationSource implements Source<SqsAnnouncement, SqsSplit, SqsEnumeratorState> {

    private static final long serialVersionUID = 1L;

    private final SqsSourceSettings settings;

    public SqsNotificationSource(SqsSourceSettings settings) {
        this.settings = settings;
    }

    @Override
    public Boundedness getBoundedness() {
        return settings.stopWhenIdle() == null ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<SqsSplit, SqsEnumeratorState> createEnumerator(SplitEnumeratorContext<SqsSplit> context) {
        return new SqsSplitEnumerator(context, Set.of());
    }

    @Override
    public SplitEnumerator<SqsSplit, SqsEnumeratorState> restoreEnumerator(SplitEnumeratorContext<SqsSplit> context,
            SqsEnumeratorState checkpoint) {
        return new SqsSplitEnumerator(context, checkpoint.assigned());
    }

    @Override
    public SimpleVersionedSerializer<SqsSplit> getSplitSerializer() {
        return new SqsSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<SqsEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new SqsEnumeratorState.Serializer();
    }

    @Override
    public SourceReader<SqsAnnouncement, SqsSplit> createReader(SourceReaderContext readerContext) {
        return new SqsSourceReader(settings, readerContext);
    }
}
