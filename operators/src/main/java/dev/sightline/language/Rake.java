package dev.sightline.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Candidate key phrases by RAKE (Rose et al., "Automatic keyword extraction from individual
 * documents", 2010): tokens are cut into phrases at stop words and punctuation; a word scores
 * its degree (the summed lengths of the phrases it occurs in) over its frequency; a phrase scores
 * the sum of its words' scores. Immutable and thread-safe.
 *
 * <p>Word scores are RAKE's, taken over the maximal runs of content words. A run of more than
 * {@code maxWords} words (common in unpunctuated speech transcripts) gives each of its
 * {@code maxWords}-word windows as a candidate instead of itself. Runs and windows without a
 * letter (numbers such as {@code 2024} or {@code 5,000}) or shorter than {@code minChars}
 * characters are dropped.
 */
public final class Rake {

    private final StopWords stopWords;
    private final int maxWords;
    private final int minChars;

    /**
     * @param maxWords the most words in a phrase, at least 1
     * @param minChars the fewest characters in a phrase, at least 1
     */
    public Rake(StopWords stopWords, int maxWords, int minChars) {
        if (maxWords < 1) {
            throw new IllegalArgumentException("maxWords must be at least 1, was " + maxWords);
        }
        if (minChars < 1) {
            throw new IllegalArgumentException("minChars must be at least 1, was " + minChars);
        }
        this.stopWords = stopWords;
        this.maxWords = maxWords;
        this.minChars = minChars;
    }

    /**
     * The candidate phrases of some passages of tokens (phrases never cross passages), best
     * score first, ties by phrase.
     */
    public List<RakePhrase> phrases(List<List<String>> passages) {
        List<List<String>> runs = new ArrayList<>();
        for (List<String> tokens : passages) {
            List<String> run = new ArrayList<>();
            for (String token : tokens) {
                String word = normalise(token);
                if (word == null) {
                    end(run, runs);
                } else {
                    run.add(word);
                }
            }
            end(run, runs);
        }
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Integer> degree = new HashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        Map<String, List<String>> wordsOf = new HashMap<>();
        for (List<String> run : runs) {
            for (String word : run) {
                frequency.merge(word, 1, Integer::sum);
                degree.merge(word, run.size(), Integer::sum);
            }
            int width = Math.min(maxWords, run.size());
            for (int from = 0; from + width <= run.size(); from++) {
                List<String> phrase = run.subList(from, from + width);
                String text = String.join(" ", phrase);
                if (keep(text)) {
                    occurrences.merge(text, 1, Integer::sum);
                    wordsOf.putIfAbsent(text, phrase);
                }
            }
        }
        List<RakePhrase> out = new ArrayList<>(occurrences.size());
        for (Map.Entry<String, Integer> entry : occurrences.entrySet()) {
            double score = 0;
            for (String word : wordsOf.get(entry.getKey())) {
                score += degree.get(word) / (double) frequency.get(word);
            }
            out.add(new RakePhrase(entry.getKey(), score, entry.getValue()));
        }
        out.sort(Comparator.comparingDouble(RakePhrase::score).reversed().thenComparing(RakePhrase::phrase));
        return out;
    }

    /** Ends a run of content words; a run that is only a number or too short does not count. */
    private void end(List<String> run, List<List<String>> runs) {
        if (!run.isEmpty() && keep(String.join(" ", run))) {
            runs.add(List.copyOf(run));
        }
        run.clear();
    }

    private boolean keep(String phrase) {
        return phrase.length() >= minChars && phrase.codePoints().anyMatch(Character::isLetter);
    }

    /** A token's lower-case form, or null when it ends a phrase (a stop word, punctuation, a symbol). */
    private String normalise(String token) {
        String word = token.strip().replace('\u2019', '\'').toLowerCase(Locale.ROOT);
        if (word.isEmpty() || stopWords.contains(word) || word.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return null;
        }
        if (word.endsWith("'s") && word.length() > 2) {
            word = word.substring(0, word.length() - 2); // possessive: "panel's" counts as "panel"
            if (stopWords.contains(word)) {
                return null;
            }
        }
        if (word.endsWith("'") && word.length() > 1) {
            word = word.substring(0, word.length() - 1); // plural possessive: "panels'"
        }
        return word;
    }
}
