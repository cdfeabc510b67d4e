package dev.sightline.language;

/**
 * A key phrase of a text.
 *
 * @param phrase the phrase in lower case
 * @param score its relevance: {@code λ·similarity + (1 − λ)·rakeScore / best rakeScore among the candidates}
 * @param similarity cosine similarity of the phrase's embedding and the text's
 * @param rakeScore its RAKE score (sum of its words' degree / frequency)
 * @param occurrences how many times it occurs as a candidate phrase in the text
 */
public record Keyword(String phrase, double score, double similarity, double rakeScore, int occurrences) {
}
