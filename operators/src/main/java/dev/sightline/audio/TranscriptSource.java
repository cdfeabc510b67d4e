package dev.sightline.audio;

import dev.sightline.ingest.MediaObject;
import java.io.Serializable;

/**
 * Where a transcript came from: the recording, the backend that transcribed it and what decoding
 * found (codec, duration, a problem that made it partial).
 *
 * @param codec the audio codec, or null when a service read the object
 * @param sourceSampleRate the source stream's rate (0 when unknown)
 * @param sourceChannels the source stream's channels (0 when unknown)
 * @param durationS seconds of audio (NaN when unknown)
 * @param problem why the transcript is partial, or null
 * @param startedAtMillis when the analysis of the recording started (epoch milliseconds)
 */
public record TranscriptSource(MediaObject object, String backend, String language, String codec, int sourceSampleRate,
        int sourceChannels, double durationS, String problem, long startedAtMillis) implements Serializable {

    /** A recording decoded here and transcribed by {@code backend}. */
    public static TranscriptSource decoded(MediaObject object, String backend, String language, AudioDecoder.Result decoded,
            long startedAtMillis) {
        return new TranscriptSource(object, backend, language, decoded.codec(), decoded.sourceRate(),
                decoded.sourceChannels(), decoded.seconds(), decoded.problem(), startedAtMillis);
    }

    /** A recording a remote backend read itself: no codec or duration known here. */
    public static TranscriptSource remote(RemoteTranscript transcript) {
        return new TranscriptSource(transcript.object(), transcript.backend(), transcript.language(), null, 0, 0, Double.NaN, null,
                transcript.startedAtMillis());
    }
}
