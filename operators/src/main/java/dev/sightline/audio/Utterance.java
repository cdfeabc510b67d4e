package dev.sightline.audio;

/**
 * A stretch of voice between silences: 16 kHz mono samples and where they start in the recording.
 *
 * @param index position of the utterance in the recording (0, 1, ...)
 * @param firstSample index of {@code samples[0]} from the start of the recording
 * @param samples the audio, with a little of the silence around it
 */
public record Utterance(int index, long firstSample, short[] samples) {

    /** Start time in seconds. */
    public double startSeconds() {
        return firstSample / (double) AudioDecoder.SAMPLE_RATE;
    }

    /** End time in seconds. */
    public double endSeconds() {
        return (firstSample + samples.length) / (double) AudioDecoder.SAMPLE_RATE;
    }
}
