package dev.sightline.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeywordExtractorTest {

    static final String SOLAR = "Solar panels convert sunlight into electricity, but the sun does not shine at night. "
            + "That is why energy storage matters: home batteries store the surplus that rooftop solar panels produce during the day. "
            + "Lithium-ion batteries are the most common form of energy storage, although their cost is still high. "
            + "With cheaper batteries, a house with solar panels can run on its own power through the evening. "
            + "Grid operators also use large energy storage systems to balance supply and demand.";

    private MiniLmEmbedder embedder;
    private KeywordExtractor extractor;
    private final StopWords stopWords = StopWords.english();

    @BeforeAll
    void load() {
        embedder = new MiniLmEmbedder();
        extractor = new KeywordExtractor(new TextTokens(), embedder);
    }

    @AfterAll
    void close() {
        embedder.close();
    }

    @Test
    void findsTheSubjectsOfAParagraph() {
        List<Keyword> keywords = extractor.keywords(SOLAR);
        assertThat(keywords).hasSizeBetween(5, 10);
        List<String> topThree = keywords.subList(0, 3).stream().map(Keyword::phrase).toList();
        assertThat(topThree).anyMatch(p -> p.contains("solar panels"));
        assertThat(topThree).anyMatch(p -> p.contains("energy storage"));
        for (Keyword keyword : keywords) {
            assertThat(keyword.phrase().split(" ")).as(keyword.phrase()).hasSizeBetween(1, 3).noneMatch(stopWords::contains);
            assertThat(keyword.similarity()).isBetween(-1.0, 1.0);
            assertThat(keyword.rakeScore()).isGreaterThanOrEqualTo(1.0);
            assertThat(keyword.occurrences()).isPositive();
        }
        assertThat(keywords.get(0).score()).isEqualTo(keywords.stream().mapToDouble(Keyword::score).max().orElseThrow());
    }

    @Test
    void findsThemInLongUnpunctuatedSpeechToo() {
        String speech = SOLAR.toLowerCase(Locale.ROOT).replaceAll("[^a-z \\-]", "");
        String transcript = String.join(" um so yeah ", speech, speech, speech, speech, speech); // over 200 words: embedded in chunks
        List<String> phrases = extractor.keywords(transcript).stream().map(Keyword::phrase).toList();
        assertThat(phrases.subList(0, 5)).anyMatch(p -> p.contains("solar")).anyMatch(p -> p.contains("energy storage"));
    }

    @Test
    void isDeterministicAndTakesAPrecomputedEmbedding() {
        List<Keyword> first = extractor.keywords(SOLAR);
        assertThat(extractor.keywords(SOLAR)).isEqualTo(first);
        assertThat(extractor.keywords(SOLAR, embedder.embedLong(SOLAR))).isEqualTo(first);
        assertThatThrownBy(() -> extractor.keywords(SOLAR, new float[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("384");
    }

    @Test
    void withoutDiversityListsByScore() {
        KeywordExtractor plain = new KeywordExtractor(new TextTokens(), embedder, stopWords, new KeywordSettings(10, 30, 3, 0.7, 0));
        List<Keyword> keywords = plain.keywords(SOLAR);
        assertThat(keywords).isSortedAccordingTo(Comparator.comparingDouble(Keyword::score).reversed());
        // with diversity, near-duplicates of the first phrase give way to other subjects
        List<Keyword> diverse = extractor.keywords(SOLAR);
        assertThat(diverse.get(0)).isEqualTo(keywords.get(0));
        assertThat(maxSimilarityToFirst(diverse.subList(1, 4))).isLessThan(maxSimilarityToFirst(keywords.subList(1, 4)) + 1e-9);
    }

    @Test
    void findsNothingInEmptyTextOrStopWords() {
        assertThat(extractor.keywords("")).isEmpty();
        assertThat(extractor.keywords("   ")).isEmpty();
        assertThat(extractor.keywords("And so, um, yeah: it was what it was, you know, if they did it.")).isEmpty();
        assertThat(extractor.keywords(List.of())).isEmpty();
        assertThatThrownBy(() -> extractor.keywords((String) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> new KeywordSettings(0, 30, 3, 0.7, 0.5)).hasMessageContaining("topK");
        assertThatThrownBy(() -> new KeywordSettings(10, 5, 3, 0.7, 0.5)).hasMessageContaining("candidates");
        assertThatThrownBy(() -> new KeywordSettings(10, 30, 0, 0.7, 0.5)).hasMessageContaining("maxPhraseWords");
        assertThatThrownBy(() -> new KeywordSettings(10, 30, 3, 1.5, 0.5)).hasMessageContaining("similarityWeight");
        assertThatThrownBy(() -> new KeywordSettings(10, 30, 3, Double.NaN, 0.5)).hasMessageContaining("similarityWeight");
        assertThatThrownBy(() -> new KeywordSettings(10, 30, 3, 0.7, -0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("diversity");
        assertThat(KeywordSettings.defaults().withTopK(40)).isEqualTo(new KeywordSettings(40, 40, 3, 0.7, 0.5));
    }

    private double maxSimilarityToFirst(List<Keyword> others) {
        float[] first = embedder.embed(extractor.keywords(SOLAR).get(0).phrase());
        return others.stream().mapToDouble(k -> MiniLmEmbedder.cosine(first, embedder.embed(k.phrase()))).max().orElseThrow();
    }
}
