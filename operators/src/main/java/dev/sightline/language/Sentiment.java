package dev.sightline.language;

/**
 * The sentiment of a text: VADER's compound score and the label it implies.
 *
 * @param compound normalised sum of the word valences, -1 (most negative) to 1 (most positive)
 * @param label {@code positive} (compound >= 0.05), {@code negative} (<= -0.05) or {@code neutral}
 */
public record Sentiment(double compound, String label) {

    /** The conventional VADER thresholds. */
    public static Sentiment of(double compound) {
        return new Sentiment(compound, compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral");
    }
}
