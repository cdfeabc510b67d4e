package dev.sightline.audio;

/** The rows the audio analysis writes, one record type per table. */
public final class AudioRows {

    private AudioRows() {}

    /** A row of {@code audio_transcripts}: one per recording (or video sound track). */
    public record Transcript(
            String uri, String version, String transcriptId, String mediaType, String language, String backend,
            String codec, long sourceSampleRate, long sourceChannels, double durationS, String text, long segments,
            long words, double meanConfidence, double sentimentCompound, String sentimentLabel, boolean partial,
            String problem, double processingS) {}

    /** A row of {@code transcript_segments}. */
    public record Segment(
            String uri, String version, String transcriptId, long segmentIndex, double startS, double endS, String text,
            long words, double confidence, String speaker, double sentimentCompound, String sentimentLabel, long topicIndex) {}

    /** A row of {@code transcript_words}: one recognised word with its timing. */
    public record Word(
            String uri, String version, String transcriptId, long segmentIndex, long wordIndex, String word,
            double startS, double endS, double confidence, String speaker) {}

    /** A row of {@code transcript_keywords}. */
    public record Keyword(
            String uri, String version, String transcriptId, long rank, String phrase, double score, double similarity,
            double rakeScore, long occurrences) {}

    /** A row of {@code transcript_topics}. */
    public record Topic(
            String uri, String version, String transcriptId, long topicIndex, String label, String keywords,
            long segments, double share, double firstStartS, double lastEndS) {}
}
