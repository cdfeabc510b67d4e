package dev.sightline.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * English sentences and tokens by OpenNLP's maximum-entropy detectors with the published
 * Universal Dependencies English Web Treebank models (OpenNLP models 1.3, read from the class
 * path once per instance). Sentence splitting needs punctuation (Amazon Transcribe, Whisper);
 * an unpunctuated Sphinx transcript comes back as one sentence. Not thread-safe (OpenNLP's
 * detectors keep state): one instance per thread.
 */
public final class TextTokens {

    /** OpenNLP's English UD-EWT sentence model on the class path. */
    public static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    /** OpenNLP's English UD-EWT tokenizer model on the class path. */
    public static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    private final SentenceDetectorME sentenceDetector;
    private final TokenizerME tokenizer;

    /** Loads both models from the class path. */
    public TextTokens() {
        try (InputStream sentences = resource(SENTENCE_MODEL); InputStream tokens = resource(TOKEN_MODEL)) {
            this.sentenceDetector = new SentenceDetectorME(new SentenceModel(sentences));
            this.tokenizer = new TokenizerME(new TokenizerModel(tokens));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP's English models: " + e.getMessage(), e);
        }
    }

    /** The sentences of a text, trimmed, in order; none for a blank text. */
    public List<String> sentences(String text) {
        return Arrays.stream(sentenceDetector.sentDetect(requireText(text))).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The tokens of a sentence (words, numbers, punctuation marks) as the UD-EWT treebank splits them. */
    public List<String> tokens(String sentence) {
        return List.of(tokenizer.tokenize(requireText(sentence)));
    }

    /**
     * The tokens of a text with hyphenated compounds rejoined: where the tokenizer splits
     * {@code lithium-ion} into {@code lithium}, {@code -}, {@code ion} with nothing between them,
     * this gives {@code lithium-ion}; a spaced dash stays a token of its own.
     */
    public List<String> words(String text) {
        String checked = requireText(text);
        Span[] spans = tokenizer.tokenizePos(checked);
        List<String> out = new ArrayList<>(spans.length);
        int i = 0;
        while (i < spans.length) {
            int start = spans[i].getStart();
            int end = spans[i].getEnd();
            int j = i;
            while (j + 2 < spans.length && isHyphen(checked, spans[j + 1]) && spans[j + 1].getStart() == end
                    && spans[j + 2].getStart() == spans[j + 1].getEnd() && isWordy(checked, spans[j]) && isWordy(checked, spans[j + 2])) {
                end = spans[j + 2].getEnd();
                j += 2;
            }
            out.add(checked.substring(start, end));
            i = j + 1;
        }
        return out;
    }

    private static boolean isHyphen(String text, Span span) {
        return span.length() == 1 && text.charAt(span.getStart()) == '-';
    }

    private static boolean isWordy(String text, Span span) {
        return text.substring(span.getStart(), span.getEnd()).codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static String requireText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text is null");
        }
        return text;
    }

    private static InputStream resource(String name) {
        InputStream in = TextTokens.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path (org.apache.opennlp:opennlp-models-*-en)");
        }
        return in;
    }
}
