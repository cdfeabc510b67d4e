package dev.sightline.audio;

import java.io.Serializable;

/**
 * One recognised word with its place in the recording.
 *
 * @param word the word as the backend writes it, with any punctuation that follows it attached
 * @param startSeconds start from the beginning of the recording
 * @param endSeconds end from the beginning of the recording
 * @param confidence the backend's confidence in the word, 0 to 1 (NaN when it gives none)
 * @param speaker the speaker label the backend gives (e.g. {@code spk_0}), or null
 */
public record TimedWord(String word, double startSeconds, double endSeconds, double confidence, String speaker)
        implements Serializable {

    /** A word without a speaker label. */
    public TimedWord(String word, double startSeconds, double endSeconds, double confidence) {
        this(word, startSeconds, endSeconds, confidence, null);
    }
}
