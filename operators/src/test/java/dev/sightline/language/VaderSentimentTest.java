package dev.sightline.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VaderSentimentTest {

    private final VaderSentiment vader = new VaderSentiment();

    @Test
    void labelsAtLeastNinetyPercentOfTheWrittenTestSetCorrectly() throws Exception {
        List<String> wrong = new ArrayList<>();
        int total = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/language/sentiment-sentences.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", 2);
                Sentiment sentiment = vader.score(fields[1]);
                total++;
                if (!sentiment.label().equals(fields[0])) {
                    wrong.add(fields[0] + " expected, " + sentiment + ": " + fields[1]);
                }
            }
        }
        assertThat(total).isEqualTo(45);
        assertThat(total - wrong.size()).as("correct labels; wrong: %s", wrong).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * total));
    }

    @Test
    void theHeuristicsMoveTheScoreTheWayThePaperDescribes() {
        double good = vader.score("The talk was good.").compound();
        assertThat(vader.score("The talk was very good.").compound()).isGreaterThan(good);
        assertThat(vader.score("The talk was slightly good.").compound()).isLessThan(good).isPositive();
        assertThat(vader.score("The talk was GOOD.").compound()).isGreaterThan(good);
        assertThat(vader.score("The talk was good!!!").compound()).isGreaterThan(good);
        assertThat(vader.score("The talk was not good.").compound()).isNegative();
        assertThat(vader.score("The talk was good, but the room was bad.").label()).isEqualTo("negative");
        assertThat(vader.score("").label()).isEqualTo("neutral");
        // "good" alone: its lexicon valence 1.9, normalised as 1.9 / sqrt(1.9^2 + 15)
        assertThat(good).isCloseTo(1.9 / Math.sqrt(1.9 * 1.9 + 15), within(1e-9));
    }
}
