package dev.sightline.language;

/**
 * A candidate key phrase found by {@link Rake}.
 *
 * @param phrase the phrase's words in lower case, separated by single spaces
 * @param score the sum of its words' RAKE scores (degree / frequency)
 * @param occurrences how many times it was found
 */
public record RakePhrase(String phrase, double score, int occurrences) {
}
