package dev.sightline.job;

import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectOutcome;
import java.time.Instant;
import org.apache.flink.api.common.functions.MapFunction;

/** Ends objects that could not be read or recognised with a failed outcome (and so a dead letter). */
final class UnsupportedObjects implements MapFunction<MediaObject, ObjectOutcome> {
    private static final long serialVersionUID = 1L;

    @Override
    public ObjectOutcome map(MediaObject object) {
        String errorClass = object.errorClass() != null ? object.errorClass() : ObjectInspector.UNSUPPORTED_MEDIA_TYPE;
        String error = object.error() != null ? object.error() : "unsupported media type " + object.mediaType().label();
        return ObjectOutcome.failed(object, AnalysisJob.IDENTIFY_STAGE, errorClass, error, Instant.now());
    }
}
