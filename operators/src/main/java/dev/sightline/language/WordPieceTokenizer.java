package dev.sightline.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased tokenisation: a basic tokeniser (control characters removed, CJK ideographs
 * split off, lower case, accents stripped, split at whitespace and punctuation) followed by
 * greedy longest-match-first WordPiece over a vocabulary read from a HuggingFace
 * {@code tokenizer.json}. Immutable and thread-safe.
 */
public final class WordPieceTokenizer {

    /** BERT's marker at the start of every input. */
    public static final String CLS = "[CLS]";
    /** BERT's marker at the end of every input. */
    public static final String SEP = "[SEP]";

    private final Map<String, Integer> vocabulary;
    private final String unknown;
    private final String continuation;
    private final int maxWordChars;

    /**
     * @param vocabulary word piece to id
     * @param unknown the piece standing for a word that cannot be split (e.g. {@code [UNK]})
     * @param continuation the prefix of a piece that continues a word (e.g. {@code ##})
     * @param maxWordChars words longer than this many characters become {@code unknown}
     */
    public WordPieceTokenizer(Map<String, Integer> vocabulary, String unknown, String continuation, int maxWordChars) {
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException("the WordPiece vocabulary is empty");
        }
        for (String required : List.of(unknown, CLS, SEP)) {
            if (!vocabulary.containsKey(required)) {
                throw new IllegalArgumentException("the WordPiece vocabulary lacks " + required);
            }
        }
        if (maxWordChars < 1) {
            throw new IllegalArgumentException("maxWordChars must be at least 1, was " + maxWordChars);
        }
        this.vocabulary = Map.copyOf(vocabulary);
        this.unknown = unknown;
        this.continuation = continuation;
        this.maxWordChars = maxWordChars;
    }

    /** Reads the vocabulary and WordPiece settings of a HuggingFace {@code tokenizer.json} (model type WordPiece). */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json) {
        JsonNode model;
        try {
            model = new ObjectMapper().readTree(json).path("model");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer.json: " + e.getMessage(), e);
        }
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IllegalArgumentException("tokenizer.json describes a '" + model.path("type").asText() + "' model, not WordPiece");
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : model.path("vocab").properties()) {
            vocabulary.put(entry.getKey(), entry.getValue().asInt());
        }
        return new WordPieceTokenizer(vocabulary, model.path("unk_token").asText("[UNK]"),
                model.path("continuing_subword_prefix").asText("##"), model.path("max_input_chars_per_word").asInt(100));
    }

    /** The id of a word piece, or of the unknown piece when it is not in the vocabulary. */
    public int id(String piece) {
        Integer id = vocabulary.get(piece);
        return id != null ? id : vocabulary.get(unknown);
    }

    /** The words and punctuation marks of a text after BERT's normalisation (lower case, no accents). */
    public List<String> basicTokens(String text) {
        String cleaned = clean(text);
        String folded = stripAccents(cleaned).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || c == ' ') {
                flush(word, words);
            } else if (isPunctuation(c) || isCjk(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            } else {
                word.appendCodePoint(c);
            }
        }
        flush(word, words);
        return words;
    }

    /** The word pieces of a text, without {@code [CLS]} and {@code [SEP]}. */
    public List<String> wordPieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (String word : basicTokens(text)) {
            splitWord(word, pieces);
        }
        return pieces;
    }

    /**
     * The model's input ids: {@code [CLS]}, the text's word pieces cut after {@code maxLength - 2}, {@code [SEP]}.
     *
     * @param maxLength the most ids returned, markers included; at least 2
     */
    public long[] ids(String text, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP], was " + maxLength);
        }
        List<String> pieces = wordPieces(text);
        int kept = Math.min(pieces.size(), maxLength - 2);
        long[] ids = new long[kept + 2];
        ids[0] = vocabulary.get(CLS);
        for (int i = 0; i < kept; i++) {
            ids[i + 1] = id(pieces.get(i));
        }
        ids[kept + 1] = vocabulary.get(SEP);
        return ids;
    }

    /** Greedy longest-match-first split of one normalised word; the whole word is unknown if any part is. */
    private void splitWord(String word, List<String> out) {
        int chars = word.codePointCount(0, word.length());
        if (chars > maxWordChars) {
            out.add(unknown);
            return;
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            String match = null;
            while (end > start) {
                String candidate = (start > 0 ? continuation : "") + word.substring(start, end);
                if (vocabulary.containsKey(candidate)) {
                    match = candidate;
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (match == null) {
                out.add(unknown);
                return;
            }
            parts.add(match);
            start = end;
        }
        out.addAll(parts);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** Drops NUL, U+FFFD and control/format characters; every kind of whitespace becomes a space. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD) {
                return;
            }
            if (c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR) {
                out.append(' ');
            } else if (!isControl(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean isControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static String stripAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** BERT counts all non-alphanumeric printable ASCII as punctuation, plus Unicode's P categories. */
    static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK Unified Ideograph blocks BERT splits into single characters. */
    private static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
