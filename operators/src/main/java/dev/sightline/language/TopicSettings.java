package dev.sightline.language;

/**
 * How {@link TopicClusterer} groups segments.
 *
 * @param distanceThreshold clusters whose average cosine distance exceeds this stay apart, 0 to 2 (default 0.85: see {@link #defaults()})
 * @param minSegmentWords segments with fewer words do not seed clusters but join their nearest segment's, at least 0 (default 3)
 * @param labelKeywords how many key phrases make a topic's label, at least 1 (default 3)
 */
public record TopicSettings(double distanceThreshold, int minSegmentWords, int labelKeywords) {

    /** Checks every field. */
    public TopicSettings {
        if (!(distanceThreshold >= 0 && distanceThreshold <= 2)) {
            throw new IllegalArgumentException("distanceThreshold must be 0 to 2 (a cosine distance), was " + distanceThreshold);
        }
        if (minSegmentWords < 0) {
            throw new IllegalArgumentException("minSegmentWords must be 0 or more, was " + minSegmentWords);
        }
        if (labelKeywords < 1) {
            throw new IllegalArgumentException("labelKeywords must be at least 1, was " + labelKeywords);
        }
    }

    /**
     * Threshold 0.85, segments of 3 words or more seed clusters, labels of 3 phrases. With
     * all-MiniLM-L6-v2, two sentences on one subject have a cosine of about 0.3 (distance 0.7) and
     * sentences on unrelated subjects about 0.03 (distance 0.97); on interleaved written texts of
     * four unrelated subjects, five sentences each, 0.85 recovered the four subjects exactly, 0.8
     * split off outlying sentences and 0.6 left 14 clusters. Closely related subjects (pasta and
     * bread, football and tennis) merge at 0.85 into their common field; about 0.7 separates them
     * at the cost of more small clusters.
     */
    public static TopicSettings defaults() {
        return new TopicSettings(0.85, 3, 3);
    }

    /** The same settings with another distance threshold. */
    public TopicSettings withDistanceThreshold(double threshold) {
        return new TopicSettings(threshold, minSegmentWords, labelKeywords);
    }
}
