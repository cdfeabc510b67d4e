package dev.sightline.audio;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stretch of a transcript: the words of one utterance (Sphinx) or one segment as a transcription
 * service cuts them, with its time span and speaker.
 *
 * @param index position of the segment in the recording (0, 1, ...)
 * @param startSeconds start from the beginning of the recording
 * @param endSeconds end from the beginning of the recording
 * @param speaker the speaker label, or null when the backend gives none
 * @param words the segment's words in order (may be empty: voice without recognisable words)
 */
public record TranscriptSegment(int index, double startSeconds, double endSeconds, String speaker, List<TimedWord> words)
        implements Serializable {

    public TranscriptSegment {
        // An ArrayList, not List.copyOf: Flink ships segments between tasks and keeps them in
        // state through Kryo, which cannot rebuild the JDK's immutable lists. Not to be modified.
        words = new ArrayList<>(words);
    }

    /** The segment of an utterance: its index and time span, no speaker. */
    public static TranscriptSegment of(Utterance utterance, List<TimedWord> words) {
        return new TranscriptSegment(utterance.index(), utterance.startSeconds(), utterance.endSeconds(), null, words);
    }

    /** The words joined by spaces. */
    public String text() {
        return words.stream().map(TimedWord::word).collect(Collectors.joining(" "));
    }

    /** Mean confidence of the words that have one; NaN when none has. */
    public double confidence() {
        return words.stream().mapToDouble(TimedWord::confidence).filter(c -> !Double.isNaN(c)).average().orElse(Double.NaN);
    }
}
