package dev.sightline.audio;

/** A transcription backend refused or failed on a recording; the message says why, for the dead letter. */
public final class TranscriptionException extends Exception {
    private static final long serialVersionUID = 1L;

    public TranscriptionException(String message) {
        super(message);
    }

    public TranscriptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
