package dev.sightline.job;

import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Ends objects that could not be read or recognised with a failed outcome (and so a dead
 * letter); side files the analyses read beside recordings (stimulus manifests) end as done.
 */
final class UnsupportedObjects implements MapFunction<MediaObject, ObjectOutcome> {
    private static final long serialVersionUID = 1L;

    /** The stage of a side file's outcome. */
    static final String SIDE_FILE_STAGE = "side-file";

    private final Set<String> sideFiles;

    UnsupportedObjects() {
        this(List.of());
    }

    /** @param sideFiles file names read beside recordings, which are no media of their own */
    UnsupportedObjects(List<String> sideFiles) {
        this.sideFiles = Set.copyOf(sideFiles.stream().filter(name -> !name.isEmpty()).toList());
    }

    @Override
    public ObjectOutcome map(MediaObject object) {
        if (ObjectInspector.UNSUPPORTED_MEDIA_TYPE.equals(object.errorClass()) && sideFiles.contains(object.fileName())) {
            return ObjectOutcome.done(object, SIDE_FILE_STAGE, Instant.now());
        }
        String errorClass = object.errorClass() != null ? object.errorClass() : ObjectInspector.UNSUPPORTED_MEDIA_TYPE;
        String error = object.error() != null ? object.error() : "unsupported media type " + object.mediaType().label();
        return ObjectOutcome.failed(object, AnalysisJob.IDENTIFY_STAGE, errorClass, error, Instant.now());
    }
}
