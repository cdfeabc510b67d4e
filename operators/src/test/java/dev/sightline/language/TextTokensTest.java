package dev.sightline.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextTokensTest {

    private TextTokens text;

    @BeforeAll
    void load() {
        text = new TextTokens();
    }

    @Test
    void splitsPunctuatedTextIntoSentences() {
        assertThat(text.sentences("Dr. Smith went to Washington. He didn't like it!  Was the policy new? Yes."))
                .containsExactly("Dr. Smith went to Washington.", "He didn't like it!", "Was the policy new?", "Yes.");
    }

    @Test
    void leavesUnpunctuatedSpeechAsOneSentence() {
        assertThat(text.sentences("so i think we are going to talk about solar panels today and then the battery")).hasSize(1);
        assertThat(text.sentences("   ")).isEmpty();
    }

    @Test
    void splitsPunctuationOffWords() {
        assertThat(text.tokens("Batteries cost $5,000 (installed), e.g. in 2024."))
                .contains("Batteries", "$", "5,000", "(", "installed", ")", ",", "2024", ".");
    }

    @Test
    void rejoinsHyphenatedCompoundsButNotSpacedDashes() {
        assertThat(text.tokens("lithium-ion cells")).containsExactly("lithium", "-", "ion", "cells");
        assertThat(text.words("lithium-ion cells - cheap, state-of-the-art")).containsExactly("lithium-ion", "cells", "-", "cheap", ",", "state-of-the-art");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> text.tokens(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }
}
