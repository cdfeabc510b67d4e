package dev.sightline.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the transcript JSON of an Amazon Transcribe batch job into segments of timed words.
 *
 * <p>Words are the {@code results.items} of type {@code pronunciation} (times and confidences are
 * strings there); a {@code punctuation} item is appended to the word before it. Speakers come from
 * each item's {@code speaker_label}, or, in older transcripts, from {@code
 * results.speaker_labels.segments[].items[]} matched by start time. When the transcript has
 * {@code results.audio_segments}, each becomes one segment with the words of its {@code items}
 * (item ids); otherwise the words are cut into segments where the speaker changes and after a word
 * that ends a sentence (. ? ! and their full-width forms). Channel identification output
 * ({@code channel_labels}) is not read.
 */
public final class AwsTranscriptJson {

    private static final String SENTENCE_ENDS = ".?!。？！";

    private final ObjectMapper mapper = new ObjectMapper();

    /** The segments of a transcript, in order; empty when Transcribe heard no words. */
    public List<TranscriptSegment> segments(byte[] json) throws TranscriptionException {
        JsonNode root = TranscriptDocument.parse(mapper, json, "the transcript");
        if (!root.path("results").isObject()) {
            throw new TranscriptionException("the transcript has no results object (not Amazon Transcribe's JSON)");
        }
        JsonNode results = root.path("results");
        JsonNode itemsNode = results.path("items");
        if (itemsNode.isMissingNode() || itemsNode.isNull()) {
            return List.of();
        }
        if (!itemsNode.isArray()) {
            throw new TranscriptionException("results.items of the transcript is not an array");
        }
        Map<String, String> speakersByStart = speakersByStart(results.path("speaker_labels"));
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < itemsNode.size(); i++) {
            items.add(item(itemsNode.get(i), i, speakersByStart));
        }
        JsonNode audioSegments = results.path("audio_segments");
        if (audioSegments.isArray() && !audioSegments.isEmpty()) {
            return fromAudioSegments(audioSegments, items);
        }
        return cut(words(items));
    }

    private static List<TranscriptSegment> fromAudioSegments(JsonNode audioSegments, List<Item> items) throws TranscriptionException {
        Map<Integer, Item> byId = new HashMap<>();
        for (Item item : items) {
            byId.put(item.id, item);
        }
        List<TranscriptSegment> segments = new ArrayList<>();
        for (int s = 0; s < audioSegments.size(); s++) {
            JsonNode node = audioSegments.get(s);
            List<Item> own = new ArrayList<>();
            for (JsonNode id : node.path("items")) {
                Item item = byId.get(id.asInt(-1));
                if (item == null) {
                    throw new TranscriptionException("audio segment " + s + " of the transcript names item " + id.asText()
                            + ", which results.items lacks");
                }
                own.add(item);
            }
            List<TimedWord> words = words(own);
            double start = seconds(node, "start_time", "audio segment " + s, words.isEmpty() ? 0 : words.get(0).startSeconds());
            double end = seconds(node, "end_time", "audio segment " + s, words.isEmpty() ? start : words.get(words.size() - 1).endSeconds());
            String speaker = text(node.get("speaker_label"));
            segments.add(new TranscriptSegment(segments.size(), start, end, speaker != null ? speaker : commonSpeaker(words), words));
        }
        return segments;
    }

    /** Cuts words where the speaker changes and after a sentence's last word. */
    private static List<TranscriptSegment> cut(List<TimedWord> words) {
        List<TranscriptSegment> segments = new ArrayList<>();
        List<TimedWord> current = new ArrayList<>();
        for (TimedWord word : words) {
            if (!current.isEmpty() && !Objects.equals(current.get(current.size() - 1).speaker(), word.speaker())) {
                segments.add(segment(segments.size(), current));
                current = new ArrayList<>();
            }
            current.add(word);
            if (endsSentence(word.word())) {
                segments.add(segment(segments.size(), current));
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            segments.add(segment(segments.size(), current));
        }
        return segments;
    }

    private static TranscriptSegment segment(int index, List<TimedWord> words) {
        return new TranscriptSegment(index, words.get(0).startSeconds(), words.get(words.size() - 1).endSeconds(),
                words.get(0).speaker(), words);
    }

    private static boolean endsSentence(String word) {
        return !word.isEmpty() && SENTENCE_ENDS.indexOf(word.charAt(word.length() - 1)) >= 0;
    }

    private static String commonSpeaker(List<TimedWord> words) {
        String speaker = words.isEmpty() ? null : words.get(0).speaker();
        for (TimedWord word : words) {
            if (!Objects.equals(speaker, word.speaker())) {
                return null;
            }
        }
        return speaker;
    }

    /** Words of pronunciation items, each with the punctuation that follows it; punctuation before any word opens the next. */
    private static List<TimedWord> words(List<Item> items) {
        List<TimedWord> words = new ArrayList<>();
        StringBuilder leading = new StringBuilder();
        for (Item item : items) {
            if (item.punctuation) {
                if (words.isEmpty()) {
                    leading.append(item.content);
                } else {
                    TimedWord last = words.remove(words.size() - 1);
                    words.add(new TimedWord(last.word() + item.content, last.startSeconds(), last.endSeconds(), last.confidence(), last.speaker()));
                }
            } else {
                words.add(new TimedWord(leading + item.content, item.start, item.end, item.confidence, item.speaker));
                leading.setLength(0);
            }
        }
        return words;
    }

    private static Item item(JsonNode node, int position, Map<String, String> speakersByStart) throws TranscriptionException {
        String type = text(node.get("type"));
        JsonNode alternative = node.path("alternatives").path(0);
        String content = text(alternative.get("content"));
        String where = "item " + position;
        if (content == null) {
            throw new TranscriptionException(where + " of the transcript has no alternatives[0].content");
        }
        int id = node.hasNonNull("id") ? node.get("id").asInt(position) : position;
        if ("punctuation".equals(type)) {
            return new Item(id, true, content, Double.NaN, Double.NaN, Double.NaN, null);
        }
        if (!"pronunciation".equals(type)) {
            throw new TranscriptionException(where + " of the transcript has type " + type + ", not pronunciation or punctuation");
        }
        double start = seconds(node, "start_time", where, Double.NaN);
        double end = seconds(node, "end_time", where, Double.NaN);
        if (Double.isNaN(start) || Double.isNaN(end)) {
            throw new TranscriptionException(where + " (" + content + ") of the transcript has no start_time or end_time");
        }
        String speaker = text(node.get("speaker_label"));
        if (speaker == null) {
            speaker = speakersByStart.get(text(node.get("start_time")));
        }
        return new Item(id, false, content, start, end, confidence(alternative.get("confidence")), speaker);
    }

    /** Start time (as written) to speaker label, from the speaker segments of older transcripts. */
    private static Map<String, String> speakersByStart(JsonNode speakerLabels) {
        Map<String, String> speakers = new LinkedHashMap<>();
        for (JsonNode segment : speakerLabels.path("segments")) {
            for (JsonNode item : segment.path("items")) {
                String start = text(item.get("start_time"));
                String speaker = text(item.get("speaker_label"));
                if (start != null && speaker != null) {
                    speakers.putIfAbsent(start, speaker);
                }
            }
        }
        return speakers;
    }

    private static double seconds(JsonNode node, String field, String where, double absent) throws TranscriptionException {
        String value = text(node.get(field));
        if (value == null) {
            return absent;
        }
        try {
            double seconds = Double.parseDouble(value);
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new NumberFormatException("negative or not finite");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new TranscriptionException(where + " of the transcript has " + field + " " + value + ", not a number of seconds");
        }
    }

    private static double confidence(JsonNode node) {
        String value = text(node);
        if (value == null) {
            return Double.NaN;
        }
        try {
            double confidence = Double.parseDouble(value);
            return confidence >= 0 && confidence <= 1 ? confidence : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainerNode() ? null : node.asText();
    }

    private record Item(int id, boolean punctuation, String content, double start, double end, double confidence, String speaker) {}
}
