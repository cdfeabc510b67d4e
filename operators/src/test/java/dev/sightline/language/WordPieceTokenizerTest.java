package dev.sightline.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordPieceTokenizerTest {

    private WordPieceTokenizer tokenizer;

    @BeforeAll
    void loadVocabulary() throws Exception {
        try (InputStream json = getClass().getResourceAsStream(MiniLmEmbedder.TOKENIZER_RESOURCE)) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
        }
    }

    @Test
    void splitsUnknownWordsGreedilyLongestPieceFirst() {
        // In this vocabulary "unaffable", "unaf..." and "##ffable" are absent; "una", "##ffa" and "##ble" are present.
        assertThat(tokenizer.wordPieces("unaffable")).containsExactly("una", "##ffa", "##ble");
        // "embeddings" and "embedding" are absent, "em", "##bed", "##ding" and "##s" present.
        assertThat(tokenizer.wordPieces("embeddings")).containsExactly("em", "##bed", "##ding", "##s");
        assertThat(tokenizer.wordPieces("tokenization")).containsExactly("token", "##ization");
    }

    @Test
    void keepsWholeWordsThatAreInTheVocabulary() {
        assertThat(tokenizer.wordPieces("Solar panels")).containsExactly("solar", "panels");
    }

    @Test
    void lowerCasesStripsAccentsAndSplitsPunctuation() {
        assertThat(tokenizer.wordPieces("UNwant\u00e9d,running")).containsExactly("unwanted", ",", "running");
        assertThat(tokenizer.wordPieces("Na\u00efve caf\u00e9 r\u00e9sum\u00e9!")).containsExactly("naive", "cafe", "resume", "!");
        assertThat(tokenizer.basicTokens("state-of-the-art")).containsExactly("state", "-", "of", "-", "the", "-", "art");
    }

    @Test
    void splitsCjkIdeographsIntoSingleCharacters() {
        // 中 is in the vocabulary, 你 and 好 are not: split apart, each stands alone.
        assertThat(tokenizer.basicTokens("ab\u4f60\u597d\u4e2dcd")).containsExactly("ab", "\u4f60", "\u597d", "\u4e2d", "cd");
        assertThat(tokenizer.wordPieces("\u4f60\u4e2d")).containsExactly("[UNK]", "\u4e2d");
    }

    @Test
    void dropsControlAndFormatCharactersAndTreatsAnyWhitespaceAsASpace() {
        assertThat(tokenizer.basicTokens("a\u200bb\u0000c\tnext\u00a0word\r\nend")).containsExactly("abc", "next", "word", "end");
    }

    @Test
    void makesWordsThatCannotBeSplitOrAreTooLongUnknown() {
        assertThat(tokenizer.wordPieces("x\u2603y")).containsExactly("[UNK]"); // the snowman is in no piece
        assertThat(tokenizer.wordPieces("a".repeat(101) + " ok")).containsExactly("[UNK]", "ok");
        assertThat(tokenizer.wordPieces("a".repeat(100))).doesNotContain("[UNK]");
    }

    @Test
    void framesIdsWithClsAndSepAndTruncates() {
        assertThat(tokenizer.ids("hello world", 256)).containsExactly(101, 7592, 2088, 102);
        assertThat(tokenizer.ids("", 256)).containsExactly(101, 102);
        long[] cut = tokenizer.ids("word ".repeat(300), 256);
        assertThat(cut).hasSize(256);
        assertThat(cut[0]).isEqualTo(101);
        assertThat(cut[255]).isEqualTo(102);
        assertThat(cut[254]).isEqualTo(tokenizer.id("word"));
        assertThatThrownBy(() -> tokenizer.ids("x", 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLength");
    }

    @Test
    void rejectsAVocabularyWithoutTheSpecialPieces() {
        assertThatThrownBy(() -> new WordPieceTokenizer(Map.of("a", 0), "[UNK]", "##", 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[UNK]");
        String bpe = "{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}";
        assertThatThrownBy(() -> WordPieceTokenizer.fromTokenizerJson(new ByteArrayInputStream(bpe.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not WordPiece");
    }

    @Test
    void piecesOfEveryWordSpellTheWordAgain() {
        for (String word : List.of("photovoltaic", "disestablishment", "grandmother's", "interoperability")) {
            List<String> pieces = tokenizer.wordPieces(word);
            assertThat(pieces).doesNotContain("[UNK]");
            assertThat(String.join("", pieces).replace("##", "")).isEqualTo(String.join("", tokenizer.basicTokens(word)));
        }
    }
}
