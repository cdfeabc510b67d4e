package dev.sightline.audio;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate of a hypothesis against a reference: (substitutions + deletions + insertions)
 * over the reference's words, after both are normalised the same way (lower case, punctuation
 * other than in-word apostrophes removed).
 *
 * @param errors substitutions, deletions and insertions of the best alignment
 * @param referenceWords words in the reference
 */
public record WordErrorRate(int errors, int referenceWords) {

    /** The rate, 0 for a perfect hypothesis (it can exceed 1 with many insertions). */
    public double rate() {
        return referenceWords == 0 ? (errors == 0 ? 0 : 1) : errors / (double) referenceWords;
    }

    /** Sums counts, for a rate over several utterances. */
    public WordErrorRate plus(WordErrorRate other) {
        return new WordErrorRate(errors + other.errors, referenceWords + other.referenceWords);
    }

    /** Compares two texts. */
    public static WordErrorRate of(String reference, String hypothesis) {
        return of(words(reference), words(hypothesis));
    }

    static WordErrorRate of(List<String> reference, List<String> hypothesis) {
        int[] previous = new int[hypothesis.size() + 1];
        int[] current = new int[hypothesis.size() + 1];
        for (int j = 0; j <= hypothesis.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= reference.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= hypothesis.size(); j++) {
                int substitution = previous[j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return new WordErrorRate(previous[hypothesis.size()], reference.size());
    }

    /** The normalised words of a text. */
    public static List<String> words(String text) {
        String normalised = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}']+", " ")
                .replaceAll("(^|\\s)'+|'+(\\s|$)", " ")
                .trim();
        return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split("\\s+"));
    }
}
