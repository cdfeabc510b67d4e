package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

    @Test
    void countsSubstitutionsDeletionsAndInsertionsAfterNormalising() {
        assertThat(WordErrorRate.of("He was not an ill-disposed young man.", "he was not an ill disposed young man").rate()).isZero();
        WordErrorRate rate = WordErrorRate.of("the cat sat on the mat", "the cat sat on a mat today");
        assertThat(rate.errors()).isEqualTo(2); // one substitution, one insertion
        assertThat(rate.rate()).isCloseTo(2 / 6.0, within(1e-9));
        assertThat(WordErrorRate.of("a b c d", "a d").errors()).isEqualTo(2);
        assertThat(WordErrorRate.words("Don't say 'no'!")).containsExactly("don't", "say", "no");
        assertThat(WordErrorRate.of("a b", "").plus(WordErrorRate.of("c", "c")).rate()).isCloseTo(2 / 3.0, within(1e-9));
    }
}
