package dev.sightline.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** A set of stop words (function words that never belong to a keyword); immutable and thread-safe. */
public final class StopWords {

    /** Sightline's English list on the class path, one word a line, {@code #} comments. */
    public static final String ENGLISH_RESOURCE = "english-stop-words.txt";

    private final Set<String> words;

    /** @param words the stop words, matched case-insensitively */
    public StopWords(Set<String> words) {
        Set<String> lower = new HashSet<>();
        for (String word : words) {
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException("a stop word is null or blank");
            }
            lower.add(word.strip().toLowerCase(Locale.ROOT));
        }
        this.words = Set.copyOf(lower);
    }

    /** The English list shipped with Sightline ({@value #ENGLISH_RESOURCE} beside this class). */
    public static StopWords english() {
        InputStream in = StopWords.class.getResourceAsStream(ENGLISH_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the stop-word list is missing from the class path (dev/sightline/language/" + ENGLISH_RESOURCE + ")");
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ENGLISH_RESOURCE + ": " + e.getMessage(), e);
        }
        return new StopWords(words);
    }

    /** Whether a word (any case) is a stop word. */
    public boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    /** How many stop words there are. */
    public int size() {
        return words.size();
    }
}
