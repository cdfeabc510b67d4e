package dev.sightline.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniLmEmbedderTest {

    private MiniLmEmbedder embedder;

    @BeforeAll
    void load() {
        embedder = new MiniLmEmbedder();
    }

    @AfterAll
    void close() {
        embedder.close();
    }

    @Test
    void givesUnitVectorsOf384Dimensions() {
        float[] v = embedder.embed("A man is playing a guitar.");
        assertThat(embedder.dimensions()).isEqualTo(384);
        assertThat(v).hasSize(384);
        assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
        assertThat(norm(embedder.embed(""))).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void matchesTheSimilaritiesPublishedForThisModel() {
        // sentence-transformers' quick start (sbert.net) prints, for all-MiniLM-L6-v2:
        // [[1.0000, 0.6660, 0.1046], [0.6660, 1.0000, 0.1411], [0.1046, 0.1411, 1.0000]]
        List<float[]> v = embedder.embedAll(List.of("The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."));
        assertThat(MiniLmEmbedder.cosine(v.get(0), v.get(1))).isCloseTo(0.6660, within(0.001));
        assertThat(MiniLmEmbedder.cosine(v.get(0), v.get(2))).isCloseTo(0.1046, within(0.001));
        assertThat(MiniLmEmbedder.cosine(v.get(1), v.get(2))).isCloseTo(0.1411, within(0.001));
    }

    @Test
    void placesRelatedSentencesCloserThanUnrelatedOnes() {
        float[] guitar = embedder.embed("A man is playing a guitar.");
        double related = MiniLmEmbedder.cosine(guitar, embedder.embed("Someone plays an instrument."));
        double unrelated = MiniLmEmbedder.cosine(guitar, embedder.embed("The stock market fell sharply today."));
        assertThat(related).isGreaterThan(unrelated + 0.2);
        double paraphrase = MiniLmEmbedder.cosine(embedder.embed("The cat sat on the mat."), embedder.embed("A cat was sitting on the rug."));
        assertThat(paraphrase).isGreaterThan(0.6);
    }

    @Test
    void batchedEmbeddingsEqualOneByOne() {
        List<String> texts = List.of("Short.", "", "A considerably longer sentence, with punctuation, that pads the others in its batch.",
                "Caf\u00e9 na\u00efve r\u00e9sum\u00e9", "word ".repeat(400), "Energy storage smooths the output of solar panels.");
        List<float[]> batched = embedder.embedAll(texts);
        assertThat(batched).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] single = embedder.embed(texts.get(i));
            for (int d = 0; d < single.length; d++) {
                assertThat(batched.get(i)[d]).as("text %d, dimension %d", i, d).isCloseTo(single[d], within(1e-5f));
            }
        }
        assertThat(embedder.embedAll(List.of())).isEmpty();
    }

    @Test
    void cutsInputsAt256Tokens() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("number ").append(i).append(' ');
        }
        float[] whole = embedder.embed(text.toString());
        float[] extended = embedder.embed(text + " and then something about volcanoes and lava at the end");
        assertThat(MiniLmEmbedder.cosine(whole, extended)).isCloseTo(1.0, within(1e-6));
        float[] shortText = embedder.embed("number 1 number 2 number 3");
        float[] shortExtended = embedder.embed("number 1 number 2 number 3 and then something about volcanoes and lava at the end");
        assertThat(MiniLmEmbedder.cosine(shortText, shortExtended)).isLessThan(0.9);
    }

    @Test
    void embedsLongTextsAsTheWeightedMeanOfTheirChunks() {
        String sentence = "The volcano erupted and lava flowed down the mountain towards the village.";
        assertThat(embedder.embedLong(sentence)).containsExactly(embedder.embed(sentence));
        List<String> words = new ArrayList<>();
        while (words.size() < 500) {
            words.addAll(List.of(sentence.split(" ")));
        }
        String longText = String.join(" ", words);
        float[] v = embedder.embedLong(longText);
        assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
        assertThat(MiniLmEmbedder.cosine(v, embedder.embed("a volcanic eruption"))).isGreaterThan(
                MiniLmEmbedder.cosine(v, embedder.embed("a football match")) + 0.2);
    }

    @Test
    void computesCosineAndRejectsVectorsOfDifferentLengths() {
        assertThat(MiniLmEmbedder.cosine(new float[] {1, 0}, new float[] {0, 1})).isZero();
        assertThat(MiniLmEmbedder.cosine(new float[] {1, 1}, new float[] {2, 2})).isCloseTo(1.0, within(1e-9));
        assertThat(MiniLmEmbedder.cosine(new float[] {1, 0}, new float[] {-3, 0})).isCloseTo(-1.0, within(1e-9));
        assertThat(MiniLmEmbedder.cosine(new float[] {0, 0}, new float[] {1, 0})).isZero();
        assertThatThrownBy(() -> MiniLmEmbedder.cosine(new float[2], new float[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 3");
        assertThatThrownBy(() -> embedder.embedAll(Arrays.asList("ok", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text 1");
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
