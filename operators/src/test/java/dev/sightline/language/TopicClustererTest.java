package dev.sightline.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicClustererTest {

    private static final List<String> PASTA = List.of(
            "Bring a large pot of salted water to a rolling boil before adding the pasta.",
            "Stir the spaghetti now and then so the strands do not stick together.",
            "Save a cup of the starchy pasta water to loosen the tomato sauce.",
            "Toss the drained pasta in the pan with garlic, olive oil and parmesan.");
    private static final List<String> FOOTBALL = List.of(
            "The home team scored twice in the first half and held on to win the football match.",
            "Their striker was caught offside three times before finally scoring a goal.",
            "The referee showed a red card to the defender after a reckless tackle.",
            "A late penalty decided the football match in stoppage time.");

    private MiniLmEmbedder embedder;
    private TopicClusterer clusterer;

    @BeforeAll
    void load() {
        embedder = new MiniLmEmbedder();
        clusterer = new TopicClusterer(new KeywordExtractor(new TextTokens(), embedder));
    }

    @AfterAll
    void close() {
        embedder.close();
    }

    @Test
    void separatesTwoInterleavedSubjects() {
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            segments.add(PASTA.get(i));
            segments.add(FOOTBALL.get(i));
        }
        segments.add("great goal"); // too short to seed a topic: joins the nearest segment's
        List<Topic> topics = clusterer.topics(segments, embedder.embedAll(segments));

        assertThat(topics).hasSize(2);
        Topic pasta = topics.get(0);
        Topic football = topics.get(1);
        assertThat(pasta.topicIndex()).isZero();
        assertThat(pasta.segmentIndexes()).containsExactly(0, 2, 4, 6);
        assertThat(football.topicIndex()).isEqualTo(1);
        assertThat(football.segmentIndexes()).containsExactly(1, 3, 5, 7, 8);
        assertThat(pasta.label()).containsAnyOf("pasta", "spaghetti", "sauce");
        assertThat(football.label()).containsAnyOf("football", "match", "goal", "striker", "referee", "penalty");
        assertThat(pasta.keywords()).isNotEmpty().allMatch(k -> !k.contains("football"));
        assertThat(pasta.label()).isEqualTo(String.join(", ", pasta.keywords().subList(0, 3)));
        int pastaWords = PASTA.stream().mapToInt(s -> s.split("\\s+").length).sum();
        int allWords = segments.stream().mapToInt(s -> s.split("\\s+").length).sum();
        assertThat(pasta.share()).isCloseTo(pastaWords / (double) allWords, within(1e-12));
        assertThat(pasta.share() + football.share()).isCloseTo(1.0, within(1e-12));
        assertThat(clusterer.topics(segments, embedder.embedAll(segments))).isEqualTo(topics);
    }

    @Test
    void oneSegmentIsOneTopicAndNoneIsNone() {
        List<String> one = List.of(PASTA.get(0));
        List<Topic> topics = clusterer.topics(one, embedder.embedAll(one));
        assertThat(topics).hasSize(1);
        assertThat(topics.get(0).segmentIndexes()).containsExactly(0);
        assertThat(topics.get(0).share()).isEqualTo(1.0);
        assertThat(topics.get(0).label()).isNotEmpty();
        assertThat(clusterer.topics(List.of(), List.of())).isEmpty();
    }

    @Test
    void shortSegmentsAloneStillFormTopics() {
        List<String> segments = List.of("volcano erupted", "tax refund");
        List<Topic> topics = clusterer.topics(segments, embedder.embedAll(segments));
        assertThat(topics).extracting(Topic::segmentIndexes).containsExactly(List.of(0), List.of(1));
    }

    @Test
    void rejectsMismatchedInput() {
        assertThatThrownBy(() -> clusterer.topics(List.of("a b c"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 segments but 0 embeddings");
        assertThatThrownBy(() -> clusterer.topics(List.of("a b c", "d e f"), List.of(new float[384], new float[3])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedding 1");
        assertThatThrownBy(() -> new TopicSettings(3, 3, 3)).hasMessageContaining("distanceThreshold");
        assertThatThrownBy(() -> new TopicSettings(0.85, -1, 3)).hasMessageContaining("minSegmentWords");
        assertThatThrownBy(() -> new TopicSettings(0.85, 3, 0)).hasMessageContaining("labelKeywords");
    }
}
