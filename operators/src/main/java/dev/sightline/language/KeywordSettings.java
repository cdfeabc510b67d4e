package dev.sightline.language;

/**
 * How {@link KeywordExtractor} picks key phrases.
 *
 * @param topK how many keywords to return, at least 1 (default 10)
 * @param candidates how many of RAKE's best phrases are re-ranked by embedding, at least {@code topK} (default 30)
 * @param maxPhraseWords the most words in a phrase, 1 to 10 (default 3)
 * @param similarityWeight λ, the weight of semantic similarity against the RAKE score, 0 to 1 (default 0.7)
 * @param diversity the Maximal Marginal Relevance trade-off, 0 (relevance only) to 1 (default 0.5)
 */
public record KeywordSettings(int topK, int candidates, int maxPhraseWords, double similarityWeight, double diversity) {

    /** Phrases shorter than this many characters are never keywords. */
    public static final int MIN_PHRASE_CHARS = 3;

    /** Checks every field. */
    public KeywordSettings {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, was " + topK);
        }
        if (candidates < topK) {
            throw new IllegalArgumentException("candidates must be at least topK (" + topK + "), was " + candidates);
        }
        if (maxPhraseWords < 1 || maxPhraseWords > 10) {
            throw new IllegalArgumentException("maxPhraseWords must be 1 to 10, was " + maxPhraseWords);
        }
        if (!(similarityWeight >= 0 && similarityWeight <= 1)) {
            throw new IllegalArgumentException("similarityWeight must be 0 to 1, was " + similarityWeight);
        }
        if (!(diversity >= 0 && diversity <= 1)) {
            throw new IllegalArgumentException("diversity must be 0 to 1, was " + diversity);
        }
    }

    /** Ten keywords of up to three words, re-ranked from RAKE's best 30 with λ = 0.7 and diversity 0.5. */
    public static KeywordSettings defaults() {
        return new KeywordSettings(10, 30, 3, 0.7, 0.5);
    }

    /** These settings returning {@code topK} keywords (candidates raised to match if needed). */
    public KeywordSettings withTopK(int topK) {
        return new KeywordSettings(topK, Math.max(candidates, topK), maxPhraseWords, similarityWeight, diversity);
    }
}
