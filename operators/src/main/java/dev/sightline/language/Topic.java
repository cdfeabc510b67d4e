package dev.sightline.language;

import java.util.List;

/**
 * One topic of a transcript: a cluster of its segments.
 *
 * @param topicIndex 0, 1, ... in the order of the topics' first segments
 * @param segmentIndexes the indexes of its segments in the transcript, ascending (not necessarily contiguous)
 * @param keywords its key phrases, most relevant first
 * @param label its first key phrases joined by ", " (empty when it has none)
 * @param share the fraction of the transcript's words in its segments, 0 to 1
 */
public record Topic(int topicIndex, List<Integer> segmentIndexes, List<String> keywords, String label, double share) {

    /** Copies the lists. */
    public Topic {
        segmentIndexes = List.copyOf(segmentIndexes);
        keywords = List.copyOf(keywords);
    }
}
