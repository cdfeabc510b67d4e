package dev.sightline.language;

import java.util.ArrayList;
import java.util.List;

/**
 * Key phrases of a text: RAKE proposes candidate phrases, the best {@code candidates} of them
 * (shared out by phrase length, as RAKE favours long phrases) are re-ranked by {@code λ·cosine(phrase, text) + (1 − λ)·normalised RAKE score} with
 * all-MiniLM-L6-v2 embeddings, and Maximal Marginal Relevance picks the {@code topK} so that
 * near-duplicate phrases do not crowd the list. Deterministic. Not thread-safe (it uses a
 * {@link TextTokens} and a {@link MiniLmEmbedder}): one instance per thread.
 */
public final class KeywordExtractor {

    private final TextTokens tokens;
    private final MiniLmEmbedder embedder;
    private final Rake rake;
    private final KeywordSettings settings;

    /** English stop words and default settings. */
    public KeywordExtractor(TextTokens tokens, MiniLmEmbedder embedder) {
        this(tokens, embedder, StopWords.english(), KeywordSettings.defaults());
    }

    /** Own stop words and settings; {@code tokens} and {@code embedder} stay the caller's to close. */
    public KeywordExtractor(TextTokens tokens, MiniLmEmbedder embedder, StopWords stopWords, KeywordSettings settings) {
        this.tokens = tokens;
        this.embedder = embedder;
        this.rake = new Rake(stopWords, settings.maxPhraseWords(), KeywordSettings.MIN_PHRASE_CHARS);
        this.settings = settings;
    }

    /** The settings in use. */
    public KeywordSettings settings() {
        return settings;
    }

    /** The keywords of a text of any length, in the order chosen (most relevant first, then by MMR). */
    public List<Keyword> keywords(String text) {
        return keywords(List.of(requireText(text)));
    }

    /** The keywords of a text whose embedding is already known (for example a mean of its sentences' embeddings). */
    public List<Keyword> keywords(String text, float[] textEmbedding) {
        return keywords(List.of(requireText(text)), textEmbedding);
    }

    /** The keywords of passages of one text (segments of a transcript); no phrase crosses a passage's end. */
    public List<Keyword> keywords(List<String> passages) {
        List<String> checked = requirePassages(passages);
        List<RakePhrase> found = candidates(checked);
        if (found.isEmpty()) {
            return List.of(); // nothing to rank: spare the text's embedding
        }
        return rank(found, embedder.embedLong(String.join(" ", checked)));
    }

    /**
     * The keywords of passages of one text, given the whole text's embedding.
     *
     * @param textEmbedding a unit vector of {@link MiniLmEmbedder#dimensions()} values
     */
    public List<Keyword> keywords(List<String> passages, float[] textEmbedding) {
        List<String> checked = requirePassages(passages);
        if (textEmbedding == null || textEmbedding.length != embedder.dimensions()) {
            throw new IllegalArgumentException("the text embedding must have " + embedder.dimensions() + " values, had "
                    + (textEmbedding == null ? "none" : String.valueOf(textEmbedding.length)));
        }
        return rank(candidates(checked), textEmbedding);
    }

    private List<RakePhrase> candidates(List<String> passages) {
        List<List<String>> tokenised = new ArrayList<>(passages.size());
        for (String passage : passages) {
            if (!passage.isBlank()) {
                tokenised.add(tokens.words(passage));
            }
        }
        return rake.phrases(tokenised);
    }

    private List<Keyword> rank(List<RakePhrase> found, float[] textEmbedding) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<RakePhrase> pool = pool(found);
        List<float[]> vectors = embedder.embedAll(pool.stream().map(RakePhrase::phrase).toList());
        double bestRake = pool.stream().mapToDouble(RakePhrase::score).max().orElseThrow();
        double lambda = settings.similarityWeight();
        List<Keyword> candidates = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            RakePhrase phrase = pool.get(i);
            double similarity = MiniLmEmbedder.cosine(vectors.get(i), textEmbedding);
            double score = lambda * similarity + (1 - lambda) * phrase.score() / bestRake;
            candidates.add(new Keyword(phrase.phrase(), score, similarity, phrase.score(), phrase.occurrences()));
        }
        return maximalMarginalRelevance(candidates, vectors);
    }

    /**
     * The candidates to re-rank: RAKE's sum of word scores grows with a phrase's length, so the
     * pool is shared out by length (an equal part for phrases of 1, 2, ... words, each the best
     * of its length by RAKE score), and places a length cannot fill go to the best phrases left.
     */
    private List<RakePhrase> pool(List<RakePhrase> ranked) {
        int size = Math.min(ranked.size(), settings.candidates());
        int lengths = settings.maxPhraseWords();
        int share = (size + lengths - 1) / lengths;
        int[] taken = new int[lengths + 1];
        boolean[] chosen = new boolean[ranked.size()];
        int count = 0;
        for (int i = 0; i < ranked.size() && count < size; i++) {
            int words = wordCount(ranked.get(i).phrase());
            if (taken[words] < share) {
                taken[words]++;
                chosen[i] = true;
                count++;
            }
        }
        for (int i = 0; i < ranked.size() && count < size; i++) {
            if (!chosen[i]) {
                chosen[i] = true;
                count++;
            }
        }
        List<RakePhrase> pool = new ArrayList<>(size);
        for (int i = 0; i < ranked.size(); i++) {
            if (chosen[i]) {
                pool.add(ranked.get(i));
            }
        }
        return pool;
    }

    private static int wordCount(String phrase) {
        return phrase.split(" ").length;
    }

    /**
     * Greedy MMR (Carbonell and Goldstein, 1998): each step takes the candidate with the highest
     * {@code (1 − diversity)·score / best score − diversity·(its greatest cosine to a phrase already
     * taken)}; dividing by the best score puts relevance on the 0–1 scale of the cosine, so a
     * phrase of little relevance does not win merely for being unlike the ones taken. Ties go to
     * the alphabetically first phrase.
     */
    private List<Keyword> maximalMarginalRelevance(List<Keyword> candidates, List<float[]> vectors) {
        int n = candidates.size();
        double diversity = settings.diversity();
        double bestScore = candidates.stream().mapToDouble(Keyword::score).max().orElseThrow();
        double scale = bestScore > 0 ? bestScore : 1;
        double[] closestTaken = new double[n];
        boolean[] taken = new boolean[n];
        List<Keyword> out = new ArrayList<>();
        while (out.size() < Math.min(n, settings.topK())) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double value = (1 - diversity) * candidates.get(i).score() / scale - (out.isEmpty() ? 0 : diversity * closestTaken[i]);
                if (value > bestValue || (value == bestValue && candidates.get(i).phrase().compareTo(candidates.get(best).phrase()) < 0)) {
                    best = i;
                    bestValue = value;
                }
            }
            taken[best] = true;
            out.add(candidates.get(best));
            for (int i = 0; i < n; i++) {
                double similarity = MiniLmEmbedder.cosine(vectors.get(i), vectors.get(best));
                closestTaken[i] = out.size() == 1 ? similarity : Math.max(closestTaken[i], similarity);
            }
        }
        return out;
    }

    private static String requireText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text is null");
        }
        return text;
    }

    private static List<String> requirePassages(List<String> passages) {
        if (passages == null) {
            throw new IllegalArgumentException("passages is null");
        }
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i) == null) {
                throw new IllegalArgumentException("passage " + i + " is null");
            }
        }
        return passages;
    }
}
