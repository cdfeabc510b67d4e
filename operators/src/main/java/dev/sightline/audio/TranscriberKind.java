package dev.sightline.audio;

import java.util.Locale;

/** The transcription backends: Sphinx4 in-process (the default), Amazon Transcribe, or a command such as a Whisper container. */
public enum TranscriberKind {
    SPHINX4,
    AWS_TRANSCRIBE,
    COMMAND;

    /** The name in configuration and in the tables' {@code backend} column. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
