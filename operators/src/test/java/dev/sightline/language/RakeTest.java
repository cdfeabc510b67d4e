package dev.sightline.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RakeTest {

    private final Rake rake = new Rake(new StopWords(Set.of("and", "of", "it's")), 3, 3);

    @Test
    void scoresPhrasesByTheirWordsDegreeOverFrequency() {
        // runs: [solar panels], [solar power], [grid]; solar: degree 2 + 2, frequency 2 -> 2;
        // panels and power: 2 / 1 -> 2; grid: 1 / 1 -> 1
        List<RakePhrase> phrases = rake.phrases(List.of(List.of("Solar", "panels", "and", "solar", "power", ",", "grid", ".")));
        assertThat(phrases).containsExactly(new RakePhrase("solar panels", 4, 1), new RakePhrase("solar power", 4, 1),
                new RakePhrase("grid", 1, 1));
    }

    @Test
    void countsRepeatedPhrases() {
        List<RakePhrase> phrases = rake.phrases(List.of(List.of("energy", "storage", "and", "energy", "storage", "of", "homes")));
        // energy, storage: degree 4, frequency 2 -> 2 each; homes 1
        assertThat(phrases).containsExactly(new RakePhrase("energy storage", 4, 2), new RakePhrase("homes", 1, 1));
    }

    @Test
    void neverJoinsWordsOfDifferentPassages() {
        assertThat(rake.phrases(List.of(List.of("solar"), List.of("panels")))).extracting(RakePhrase::phrase)
                .containsExactly("panels", "solar");
    }

    @Test
    void givesTheWindowsOfRunsLongerThanTheLimit() {
        // one run of four words: each word has degree 4 and frequency 1
        assertThat(rake.phrases(List.of(List.of("alpha", "beta", "gamma", "delta"))))
                .containsExactly(new RakePhrase("alpha beta gamma", 12, 1), new RakePhrase("beta gamma delta", 12, 1));
    }

    @Test
    void dropsNumbersShortPhrasesAndPossessiveEndings() {
        List<RakePhrase> phrases = rake.phrases(List.of(List.of("2024", "and", "5,000", "and", "ab", "and", "panel's", "and", "it's", "and", "panels'", "—")));
        assertThat(phrases).extracting(RakePhrase::phrase).containsExactly("panel", "panels");
    }

    @Test
    void findsNothingInStopWordsAndPunctuation() {
        assertThat(rake.phrases(List.of(List.of("and", "of", ",", "It's", "!")))).isEmpty();
        assertThat(rake.phrases(List.of())).isEmpty();
    }

    @Test
    void rejectsBadLimits() {
        StopWords none = new StopWords(Set.of());
        assertThatThrownBy(() -> new Rake(none, 0, 3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWords");
        assertThatThrownBy(() -> new Rake(none, 3, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minChars");
    }
}
