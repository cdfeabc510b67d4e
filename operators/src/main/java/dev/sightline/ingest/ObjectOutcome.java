package dev.sightline.ingest;

import java.time.Instant;

/**
 * The end of one object version's trip through the job: its ledger row in
 * {@code media_objects}. A failed outcome names the stage and error that stopped it.
 */
public record ObjectOutcome(
        MediaObject object,
        ObjectStatus status,
        String stage,
        String errorClass,
        String error,
        Instant processedAt) {

    /** A successful outcome of the given stage. */
    public static ObjectOutcome done(MediaObject object, String stage, Instant processedAt) {
        return new ObjectOutcome(object, ObjectStatus.DONE, stage, null, null, processedAt);
    }

    /** A failed outcome with the error that stopped the object. */
    public static ObjectOutcome failed(
            MediaObject object, String stage, String errorClass, String error, Instant processedAt) {
        return new ObjectOutcome(object, ObjectStatus.FAILED, stage, errorClass, error, processedAt);
    }

    /** The dead letter this outcome leaves, for failed and partial outcomes. */
    public DeadLetter toDeadLetter() {
        return new DeadLetter(object.uri(), object.version(), stage, errorClass, error, processedAt);
    }
}
