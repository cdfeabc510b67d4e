package dev.sightline.job;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.ObjectMetadata;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaRouter;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectNotice;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.LedgerTables;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Analyses one object outside Flink, the way the streaming job would, and returns the rows the
 * job would write for it ({@code sightline analyze}).
 */
public final class OneShotAnalysis {

    private final ObjectStore store;
    private final ObjectInspector inspector;

    public OneShotAnalysis(ObjectStore store) {
        this.store = store;
        this.inspector = new ObjectInspector(store);
    }

    /** The rows of one local file, per table. */
    public AnalysisResult analyze(Path file) {
        String uri = LocalPaths.toUri(file);
        ObjectNotice notice;
        try {
            ObjectMetadata metadata = store.head(uri);
            notice = new ObjectNotice(metadata.uri(), metadata.version(), metadata.sizeBytes(), metadata.lastModified(), Instant.now());
        } catch (IOException e) {
            notice = new ObjectNotice(uri, "unknown", -1, null, Instant.now());
        }
        MediaObject object = inspector.inspect(notice);
        ObjectOutcome outcome = MediaRouter.routeOf(object) == MediaType.UNKNOWN
                ? new UnsupportedObjects().map(object)
                : ObjectOutcome.done(object, AnalysisJob.IDENTIFY_STAGE, Instant.now());
        AnalysisResult result = new AnalysisResult(outcome);
        result.add(LedgerTables.MEDIA_OBJECTS, List.of(outcome));
        if (outcome.status() != ObjectStatus.DONE) {
            result.add(LedgerTables.DEAD_LETTERS, List.of(outcome.toDeadLetter()));
        } else {
            result.add(LedgerTables.DEAD_LETTERS, List.of());
        }
        return result;
    }
}
