package dev.sightline.audio;

import dev.sightline.ingest.MediaObject;
import java.util.List;

/**
 * Transcribes a whole recording where it lies: a service or a container reads the object itself
 * (Amazon Transcribe, a Whisper container), instead of utterances decoded here.
 */
public interface RecordingTranscriber extends AutoCloseable {

    /** The backend's name, as the tables record it (e.g. {@code aws-transcribe}). */
    String backend();

    /** The language transcribed, as a BCP 47 tag (e.g. {@code en-US}). */
    String language();

    /**
     * The segments of the recording, in order, times from its start.
     *
     * @throws TranscriptionException when the backend rejects the recording or fails on it
     */
    List<TranscriptSegment> transcribe(MediaObject object) throws Exception;

    @Override
    default void close() throws Exception {}
}
