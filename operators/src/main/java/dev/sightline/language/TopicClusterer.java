package dev.sightline.language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The topics of one transcript: its segments' embeddings are clustered by
 * {@link AverageLinkageClustering} (time order plays no part, so a topic may come back after a
 * digression), segments of fewer than {@code minSegmentWords} words join the cluster of their most
 * similar longer segment, and each cluster is labelled by {@link KeywordExtractor} run on its
 * segments' texts with the cluster's centroid as the text embedding. Deterministic. Not
 * thread-safe (it uses a {@link KeywordExtractor}): one instance per thread.
 */
public final class TopicClusterer {

    private final KeywordExtractor keywords;
    private final TopicSettings settings;
    private final AverageLinkageClustering clustering;

    /** Default settings. */
    public TopicClusterer(KeywordExtractor keywords) {
        this(keywords, TopicSettings.defaults());
    }

    /** Own settings. */
    public TopicClusterer(KeywordExtractor keywords, TopicSettings settings) {
        this.keywords = keywords;
        this.settings = settings;
        this.clustering = new AverageLinkageClustering(settings.distanceThreshold());
    }

    /**
     * The topics of a transcript's segments, ordered by their first segment.
     *
     * @param segments the segments' texts in transcript order
     * @param embeddings one unit vector per segment (for example from {@link MiniLmEmbedder#embedAll})
     */
    public List<Topic> topics(List<String> segments, List<float[]> embeddings) {
        check(segments, embeddings);
        int n = segments.size();
        if (n == 0) {
            return List.of();
        }
        int[] words = new int[n];
        List<Integer> seeds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words[i] = wordCount(segments.get(i));
            if (words[i] >= settings.minSegmentWords()) {
                seeds.add(i);
            }
        }
        if (seeds.isEmpty()) {
            for (int i = 0; i < n; i++) {
                seeds.add(i); // only short segments: let them all seed
            }
        }
        List<List<Integer>> seedClusters = clustering.clusters(seeds.stream().map(embeddings::get).toList());
        int[] clusterOf = new int[n];
        Arrays.fill(clusterOf, -1);
        for (int c = 0; c < seedClusters.size(); c++) {
            for (int s : seedClusters.get(c)) {
                clusterOf[seeds.get(s)] = c;
            }
        }
        for (int i = 0; i < n; i++) {
            if (clusterOf[i] < 0) {
                clusterOf[i] = clusterOf[nearest(i, seeds, embeddings)];
            }
        }
        List<List<Integer>> clusters = new ArrayList<>();
        for (int c = 0; c < seedClusters.size(); c++) {
            clusters.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            clusters.get(clusterOf[i]).add(i);
        }
        clusters.sort(Comparator.comparingInt(c -> c.get(0)));
        long totalWords = 0;
        for (int w : words) {
            totalWords += w;
        }
        List<Topic> topics = new ArrayList<>(clusters.size());
        for (List<Integer> cluster : clusters) {
            topics.add(topic(topics.size(), cluster, segments, embeddings, words, totalWords));
        }
        return topics;
    }

    private Topic topic(int index, List<Integer> cluster, List<String> segments, List<float[]> embeddings, int[] words, long totalWords) {
        int dimensions = embeddings.get(0).length;
        float[] sum = new float[dimensions];
        List<String> texts = new ArrayList<>(cluster.size());
        long clusterWords = 0;
        for (int i : cluster) {
            float[] v = embeddings.get(i);
            for (int d = 0; d < dimensions; d++) {
                sum[d] += v[d];
            }
            texts.add(segments.get(i));
            clusterWords += words[i];
        }
        List<String> phrases = keywords.keywords(texts, MiniLmEmbedder.normalised(sum)).stream().map(Keyword::phrase).toList();
        String label = String.join(", ", phrases.subList(0, Math.min(phrases.size(), settings.labelKeywords())));
        double share = totalWords > 0 ? clusterWords / (double) totalWords : cluster.size() / (double) segments.size();
        return new Topic(index, cluster, phrases, label, share);
    }

    /** The seed most similar to segment i; ties go to the earliest. */
    private static int nearest(int i, List<Integer> seeds, List<float[]> embeddings) {
        int best = seeds.get(0);
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int s : seeds) {
            double similarity = MiniLmEmbedder.cosine(embeddings.get(i), embeddings.get(s));
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = s;
            }
        }
        return best;
    }

    private static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private static void check(List<String> segments, List<float[]> embeddings) {
        if (segments == null || embeddings == null) {
            throw new IllegalArgumentException("segments and embeddings must not be null");
        }
        if (segments.size() != embeddings.size()) {
            throw new IllegalArgumentException("got " + segments.size() + " segments but " + embeddings.size() + " embeddings");
        }
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i) == null) {
                throw new IllegalArgumentException("segment " + i + " is null");
            }
            float[] v = embeddings.get(i);
            if (v == null || v.length == 0 || v.length != embeddings.get(0).length) {
                throw new IllegalArgumentException("embedding " + i + " is missing or differs in length from embedding 0");
            }
        }
    }
}
