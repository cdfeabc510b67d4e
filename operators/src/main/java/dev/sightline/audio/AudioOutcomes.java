package dev.sightline.audio;

import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * How a recording's audio analysis ends in the ledger. An audio file gets an outcome: done,
 * partial (decoding broke midway; a dead letter names the break) or failed. A video's sound track
 * gets none (the video branch writes the video's ledger row): its problems become dead letters
 * only, and a video without sound is not a problem.
 */
public final class AudioOutcomes {

    /** The stage name in ledger rows and dead letters. */
    public static final String STAGE = "audio";
    /** Error class of a transcription backend that refused or failed on a recording. */
    public static final String TRANSCRIPTION_FAILED = "TranscriptionFailed";

    private AudioOutcomes() {}

    /** True when the object is a video whose sound track the audio branch analyses. */
    public static boolean isSoundTrack(MediaObject object) {
        return object.mediaType() == MediaType.VIDEO;
    }

    /** The ledger outcome of a recording decoded here; empty for a video's sound track. */
    public static Optional<ObjectOutcome> outcome(MediaObject object, AudioDecoder.Result decoded) {
        if (isSoundTrack(object)) {
            return Optional.empty();
        }
        if (decoded.complete()) {
            return Optional.of(ObjectOutcome.done(object, STAGE, Instant.now()));
        }
        if (decoded.samples() > 0) {
            return Optional.of(new ObjectOutcome(object, ObjectStatus.PARTIAL, STAGE, decoded.errorClass(), decoded.problem(), Instant.now()));
        }
        return Optional.of(ObjectOutcome.failed(object, STAGE, decoded.errorClass(), decoded.problem(), Instant.now()));
    }

    /**
     * The dead letter the branch itself writes: a partial audio file's break (failed outcomes
     * become dead letters downstream), or any problem of a sound track except having none.
     */
    public static Optional<DeadLetter> deadLetter(MediaObject object, AudioDecoder.Result decoded) {
        if (decoded.complete()) {
            return Optional.empty();
        }
        boolean letter = isSoundTrack(object)
                ? !AudioDecoder.NO_AUDIO_STREAM.equals(decoded.errorClass())
                : decoded.samples() > 0;
        return letter ? Optional.of(new DeadLetter(object.uri(), object.version(), STAGE, decoded.errorClass(), decoded.problem(), Instant.now()))
                : Optional.empty();
    }

    /** The outcome of a recording a transcription backend failed on; empty for a sound track. */
    public static Optional<ObjectOutcome> failedTranscription(MediaObject object, String message) {
        return isSoundTrack(object) ? Optional.empty()
                : Optional.of(ObjectOutcome.failed(object, STAGE, TRANSCRIPTION_FAILED, message, Instant.now()));
    }
}
