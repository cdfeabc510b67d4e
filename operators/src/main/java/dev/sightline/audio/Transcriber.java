package dev.sightline.audio;

import java.util.List;

/** Turns the speech of an utterance into timed words; one instance serves one thread. */
public interface Transcriber extends AutoCloseable {

    /** The backend's name, as the tables record it (e.g. {@code sphinx4}). */
    String backend();

    /** The language transcribed, as a BCP 47 tag (e.g. {@code en-US}). */
    String language();

    /** The words of one utterance, times relative to the start of the recording. */
    List<TimedWord> transcribe(Utterance utterance) throws Exception;

    @Override
    default void close() throws Exception {}
}
