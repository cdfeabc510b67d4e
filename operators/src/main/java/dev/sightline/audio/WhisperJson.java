package dev.sightline.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON that openai-whisper writes ({@code --output_format json}: {@code {"text",
 * "language", "segments": [{"id", "start", "end", "text", "words": [{"word", "start", "end",
 * "probability"}], ...}]}}) into segments of timed words.
 *
 * <p>Words come from a segment's {@code words} (with {@code --word_timestamps True}), trimmed of
 * the space Whisper puts before them, punctuation attached as Whisper gives it, the probability as
 * confidence. A segment without words (Whisper run without word timestamps) gets one word per
 * whitespace-separated token of its text, the segment's time shared evenly among them, confidence
 * NaN: the times are an estimate, not recognised. A {@code speaker} field on a segment or word
 * (as WhisperX adds) is kept.
 */
public final class WhisperJson {

    private final ObjectMapper mapper = new ObjectMapper();

    /** The segments of a Whisper result, in order; empty when Whisper heard nothing. */
    public List<TranscriptSegment> segments(byte[] json) throws TranscriptionException {
        JsonNode root = TranscriptDocument.parse(mapper, json, "the Whisper output");
        if (!root.path("segments").isArray()) {
            throw new TranscriptionException("the output has no segments array (not Whisper's JSON)");
        }
        List<TranscriptSegment> segments = new ArrayList<>();
        JsonNode all = root.path("segments");
        for (int s = 0; s < all.size(); s++) {
            JsonNode node = all.get(s);
            double start = seconds(node, "start", "segment " + s);
            double end = seconds(node, "end", "segment " + s);
            if (end < start) {
                throw new TranscriptionException("segment " + s + " of the Whisper output ends (" + end + ") before it starts (" + start + ")");
            }
            String speaker = text(node.get("speaker"));
            JsonNode words = node.path("words");
            List<TimedWord> timed = words.isArray() && !words.isEmpty()
                    ? timedWords(words, speaker, "segment " + s)
                    : spread(text(node.get("text")), start, end, speaker);
            segments.add(new TranscriptSegment(segments.size(), start, end, speaker, timed));
        }
        return segments;
    }

    private static List<TimedWord> timedWords(JsonNode words, String segmentSpeaker, String where) throws TranscriptionException {
        List<TimedWord> timed = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            JsonNode node = words.get(w);
            String word = text(node.get("word"));
            if (word == null || word.isBlank()) {
                continue;
            }
            String speaker = text(node.get("speaker"));
            timed.add(new TimedWord(word.strip(), seconds(node, "start", where + " word " + w), seconds(node, "end", where + " word " + w),
                    probability(node.get("probability")), speaker != null ? speaker : segmentSpeaker));
        }
        return timed;
    }

    /** One word per token of the text, the span shared evenly; confidence unknown. */
    private static List<TimedWord> spread(String text, double start, double end, String speaker) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String[] tokens = text.strip().split("\\s+");
        double step = (end - start) / tokens.length;
        List<TimedWord> words = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            double wordEnd = i == tokens.length - 1 ? end : start + step * (i + 1);
            words.add(new TimedWord(tokens[i], start + step * i, wordEnd, Double.NaN, speaker));
        }
        return words;
    }

    private static double seconds(JsonNode node, String field, String where) throws TranscriptionException {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || !(value.asDouble() >= 0) || Double.isInfinite(value.asDouble())) {
            throw new TranscriptionException(where + " of the Whisper output has no " + field + " in seconds (got " + value + ")");
        }
        return value.asDouble();
    }

    private static double probability(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return Double.NaN;
        }
        double p = node.asDouble();
        return p >= 0 && p <= 1 ? p : Double.NaN;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
