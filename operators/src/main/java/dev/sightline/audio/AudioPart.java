package dev.sightline.audio;

import dev.sightline.ingest.MediaObject;

/**
 * What flows from decoding through transcription to assembly for one recording: its utterances,
 * one by one (speech, then the segment transcribed from it), and a closing part that says how
 * many there were and how decoding went. Keyed by {@link #key()}, the parts of one recording meet
 * again after transcription ran on them in parallel.
 *
 * @param key the recording's object version ({@code uri NUL version})
 * @param speech an utterance to transcribe, or null
 * @param segment the transcribed utterance, or null
 * @param end the closing part, or null
 */
public record AudioPart(String key, Utterance speech, TranscriptSegment segment, End end) {

    /**
     * The closing part of a recording.
     *
     * @param object the recording
     * @param utterances how many utterances were sent before this part
     * @param decoded how decoding went
     * @param startedAtMillis when decoding started (epoch milliseconds), for the processing time
     */
    public record End(MediaObject object, int utterances, AudioDecoder.Result decoded, long startedAtMillis) {}

    public static String keyOf(MediaObject object) {
        return object.uri() + '\u0000' + object.version();
    }

    static AudioPart speech(MediaObject object, Utterance utterance) {
        return new AudioPart(keyOf(object), utterance, null, null);
    }

    static AudioPart end(End end) {
        return new AudioPart(keyOf(end.object()), null, null, end);
    }

    /** This part with its speech replaced by what was recognised in it. */
    AudioPart transcribed(TranscriptSegment transcribed) {
        return new AudioPart(key, null, transcribed, null);
    }
}
