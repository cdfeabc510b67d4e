package dev.sightline.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rule-based sentiment after VADER (Hutto and Gilbert, ICWSM 2014): valences from VADER's
 * human-rated lexicon (MIT licence, read as a resource), adjusted by the paper's heuristics:
 * degree modifiers in the three preceding words, negation, emphasis by capitals, contrast at
 * "but", and exclamation and question marks; summed and normalised to a compound score.
 * Immutable after construction; share one per task.
 */
public final class VaderSentiment {

    private static final double BOOST = 0.293;
    private static final double CAPS_BOOST = 0.733;
    private static final double NEGATION = -0.74;
    private static final double NORMALISATION_ALPHA = 15;
    /** A modifier one, two or three words before a rated word counts this much. */
    private static final double[] DISTANCE_WEIGHT = {1.0, 0.95, 0.9};

    private static final Set<String> NEGATIONS = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
            "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "neednt", "never", "none",
            "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "without",
            "wont", "wouldnt", "rarely", "seldom", "despite");
    private static final Set<String> INTENSIFIERS = Set.of("absolutely", "amazingly", "awfully", "completely", "considerably",
            "decidedly", "deeply", "enormously", "entirely", "especially", "exceptionally", "extremely", "fabulously", "fully",
            "greatly", "highly", "hugely", "incredibly", "intensely", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "totally", "tremendously", "unbelievably",
            "unusually", "utterly", "very");
    private static final Set<String> DAMPENERS = Set.of("almost", "barely", "hardly", "kinda", "less", "little", "marginally",
            "occasionally", "partly", "scarcely", "slightly", "somewhat", "sorta");

    private final Map<String, Double> lexicon;

    /** Loads the lexicon from the class path. */
    public VaderSentiment() {
        this.lexicon = loadLexicon();
    }

    /** The sentiment of one text (a sentence, a segment, a whole transcript). */
    public Sentiment score(String text) {
        List<String> tokens = tokens(text);
        boolean capsDiffer = tokens.stream().anyMatch(VaderSentiment::shouting) && !tokens.stream().allMatch(VaderSentiment::shouting);
        double[] valences = new double[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            valences[i] = valence(tokens, i, capsDiffer);
        }
        contrastAtBut(tokens, valences);
        double sum = 0;
        for (double v : valences) {
            sum += v;
        }
        if (sum != 0) {
            double emphasis = punctuationEmphasis(text);
            sum += sum > 0 ? emphasis : -emphasis;
        }
        return Sentiment.of(normalise(sum));
    }

    private double valence(List<String> tokens, int i, boolean capsDiffer) {
        String word = tokens.get(i);
        String lower = word.toLowerCase(Locale.ROOT);
        if (INTENSIFIERS.contains(lower) || DAMPENERS.contains(lower) || isKindOf(tokens, i)) {
            return 0; // modifiers carry no sentiment of their own
        }
        Double rated = lexicon.get(lower);
        if (rated == null) {
            return 0;
        }
        double v = rated;
        if (capsDiffer && shouting(word)) {
            v += v > 0 ? CAPS_BOOST : -CAPS_BOOST;
        }
        for (int back = 1; back <= 3 && i - back >= 0; back++) {
            String before = tokens.get(i - back);
            if (!lexicon.containsKey(before.toLowerCase(Locale.ROOT))) {
                v += modifier(before, v, capsDiffer) * DISTANCE_WEIGHT[back - 1];
            }
        }
        for (int back = 1; back <= 3 && i - back >= 0; back++) {
            String before = tokens.get(i - back).toLowerCase(Locale.ROOT);
            boolean neverSo = back > 1 && before.equals("never")
                    && (tokens.get(i - back + 1).equalsIgnoreCase("so") || tokens.get(i - back + 1).equalsIgnoreCase("this"));
            if (neverSo) {
                v *= 1.25; // "never so good": emphasis, not negation
            } else if (negation(before)) {
                v *= NEGATION;
            }
        }
        if (i > 0 && tokens.get(i - 1).equalsIgnoreCase("least")
                && (i == 1 || !(tokens.get(i - 2).equalsIgnoreCase("at") || tokens.get(i - 2).equalsIgnoreCase("very")))) {
            v *= NEGATION; // "the least helpful"
        }
        return v;
    }

    private static double modifier(String word, double valence, boolean capsDiffer) {
        String lower = word.toLowerCase(Locale.ROOT);
        double scalar = INTENSIFIERS.contains(lower) ? BOOST : DAMPENERS.contains(lower) ? -BOOST : 0;
        if (scalar != 0 && valence < 0) {
            scalar = -scalar;
        }
        if (scalar != 0 && capsDiffer && shouting(word)) {
            scalar += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
        }
        return scalar;
    }

    private static boolean isKindOf(List<String> tokens, int i) {
        String w = tokens.get(i).toLowerCase(Locale.ROOT);
        return (w.equals("kind") || w.equals("sort")) && i + 1 < tokens.size() && tokens.get(i + 1).equalsIgnoreCase("of");
    }

    private static boolean negation(String lower) {
        String bare = lower.replace("'", "");
        return NEGATIONS.contains(bare) || lower.endsWith("n't");
    }

    /** Words before "but" count half, words after it one and a half times. */
    private static void contrastAtBut(List<String> tokens, double[] valences) {
        int but = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equalsIgnoreCase("but")) {
                but = i;
                break;
            }
        }
        if (but < 0) {
            return;
        }
        for (int i = 0; i < valences.length; i++) {
            valences[i] *= i < but ? 0.5 : i > but ? 1.5 : 1;
        }
    }

    private static double punctuationEmphasis(String text) {
        long exclamations = text.chars().filter(c -> c == '!').count();
        long questions = text.chars().filter(c -> c == '?').count();
        double emphasis = Math.min(exclamations, 4) * 0.292;
        if (questions > 1) {
            emphasis += questions <= 3 ? questions * 0.18 : 0.96;
        }
        return emphasis;
    }

    private static double normalise(double sum) {
        double score = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
        return Math.max(-1, Math.min(1, score));
    }

    private static boolean shouting(String token) {
        boolean letters = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    /** Words with their surrounding punctuation removed; one-letter words dropped; short emoticons kept whole. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String raw : text.trim().split("\\s+")) {
            String stripped = raw.replaceAll("^[\\p{Punct}&&[^']]+|[\\p{Punct}&&[^']]+$", "");
            String token = stripped.length() > 1 ? stripped : raw.length() >= 2 && raw.length() <= 4 ? raw : "";
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static Map<String, Double> loadLexicon() {
        InputStream in = VaderSentiment.class.getResourceAsStream("vader_sentiment_lexicon.txt");
        if (in == null) {
            throw new IllegalStateException("VADER's lexicon is missing from the class path (dev/sightline/language/vader_sentiment_lexicon.txt)");
        }
        Map<String, Double> words = new HashMap<>(16_384);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split("\t");
                if (fields.length >= 2) {
                    words.put(fields[0], Double.parseDouble(fields[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read VADER's lexicon", e);
        }
        return Map.copyOf(words);
    }
}
