package dev.sightline.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StopWordsTest {

    @Test
    void loadsTheEnglishListWithFunctionWordsContractionsAndFillers() {
        StopWords english = StopWords.english();
        assertThat(english.size()).isGreaterThan(300);
        for (String word : new String[] {"the", "and", "of", "She", "don't", "dont", "n't", "um", "yeah"}) {
            assertThat(english.contains(word)).as(word).isTrue();
        }
        for (String word : new String[] {"solar", "energy", "pasta", "football", "#", ""}) {
            assertThat(english.contains(word)).as(word).isFalse();
        }
    }

    @Test
    void rejectsBlankWords() {
        assertThatThrownBy(() -> new StopWords(Set.of("a", " "))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }
}
