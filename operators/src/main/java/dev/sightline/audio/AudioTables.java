package dev.sightline.audio;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import dev.sightline.sink.Rows;
import dev.sightline.sink.TableDefinition;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** The audio analysis tables: transcripts, their segments and words, keywords and topics. */
public final class AudioTables {

    private AudioTables() {}


    private static Types.NestedField uri() {
        return required(1, "uri", Types.StringType.get(), "Object URI of the recording (audio file or video)");
    }

    private static Types.NestedField version() {
        return required(2, "version", Types.StringType.get(), "Object version");
    }

    private static Types.NestedField transcriptId() {
        return required(3, "transcript_id", Types.StringType.get(), "Stable id of the object version (16 hex digits of SHA-256 of uri and version)");
    }

    public static final TableDefinition<AudioRows.Transcript> TRANSCRIPTS = new TableDefinition<>(
            "audio_transcripts", "One transcript per recording or video sound track, with its overall sentiment.",
            new Schema(uri(), version(), transcriptId(),
                    required(4, "media_type", Types.StringType.get(), "audio, or video for a video's sound track"),
                    required(5, "language", Types.StringType.get(), "Language transcribed, BCP 47 (e.g. en-US)"),
                    required(6, "backend", Types.StringType.get(), "Transcription backend: sphinx4, aws-transcribe or command"),
                    optional(7, "codec", Types.StringType.get(), "Audio codec as FFmpeg names it (null when a service read the object)"),
                    optional(8, "source_sample_rate", Types.LongType.get(), "Sample rate of the source stream, Hz (decoded at 16 kHz mono)"),
                    optional(9, "source_channels", Types.LongType.get(), "Channels of the source stream (mixed down to mono)"),
                    optional(10, "duration_s", Types.DoubleType.get(), "Seconds of audio decoded (for service backends: end of the last segment)"),
                    required(11, "text", Types.StringType.get(), "The whole transcript, segments joined by spaces; empty for silence"),
                    required(12, "segments", Types.LongType.get(), "Segments (utterances between silences, or the service's segments)"),
                    required(13, "words", Types.LongType.get(), "Recognised words"),
                    optional(14, "mean_confidence", Types.DoubleType.get(), "Mean word confidence, 0-1; null without words or confidences"),
                    optional(15, "sentiment_compound", Types.DoubleType.get(), "VADER compound score of the whole text, -1 to 1"),
                    optional(16, "sentiment_label", Types.StringType.get(), "positive (compound >= 0.05), negative (<= -0.05) or neutral"),
                    required(17, "partial", Types.BooleanType.get(), "True when decoding broke midway: the transcript covers the audio before the break"),
                    optional(18, "problem", Types.StringType.get(), "Why the transcript is partial"),
                    optional(19, "processing_s", Types.DoubleType.get(), "Wall time from decode start to the transcript, seconds (transcription runs in parallel)")),
            List.of(),
            t -> GenericRowData.of(Rows.string(t.uri()), Rows.string(t.version()), Rows.string(t.transcriptId()),
                    Rows.string(t.mediaType()), Rows.string(t.language()), Rows.string(t.backend()), Rows.string(t.codec()),
                    t.sourceSampleRate() <= 0 ? null : t.sourceSampleRate(), t.sourceChannels() <= 0 ? null : t.sourceChannels(),
                    Rows.finite(t.durationS()), Rows.string(t.text()), t.segments(), t.words(), Rows.finite(t.meanConfidence()),
                    Rows.finite(t.sentimentCompound()), Rows.string(t.sentimentLabel()), t.partial(), Rows.string(t.problem()),
                    Rows.finite(t.processingS())));

    public static final TableDefinition<AudioRows.Segment> SEGMENTS = new TableDefinition<>(
            "transcript_segments", "Stretches of a transcript (utterances between silences, or a service's segments) with sentiment and topic.",
            new Schema(uri(), version(), transcriptId(),
                    required(4, "segment_index", Types.LongType.get(), "0-based order of the segment in the recording"),
                    optional(5, "start_s", Types.DoubleType.get(), "Start from the beginning of the recording, seconds"),
                    optional(6, "end_s", Types.DoubleType.get(), "End from the beginning of the recording, seconds"),
                    required(7, "text", Types.StringType.get(), "The segment's words joined by spaces (may be empty: voice without recognised words)"),
                    required(8, "words", Types.LongType.get(), "Recognised words"),
                    optional(9, "confidence", Types.DoubleType.get(), "Mean word confidence, 0-1"),
                    optional(10, "speaker", Types.StringType.get(), "Speaker label when the backend gives one (e.g. spk_0), else null"),
                    optional(11, "sentiment_compound", Types.DoubleType.get(), "VADER compound score of the segment, -1 to 1"),
                    optional(12, "sentiment_label", Types.StringType.get(), "positive, negative or neutral"),
                    optional(13, "topic_index", Types.LongType.get(), "Topic of the segment (transcript_topics.topic_index); null for segments without words")),
            List.of(),
            s -> GenericRowData.of(Rows.string(s.uri()), Rows.string(s.version()), Rows.string(s.transcriptId()), s.segmentIndex(),
                    Rows.finite(s.startS()), Rows.finite(s.endS()), Rows.string(s.text()), s.words(), Rows.finite(s.confidence()), Rows.string(s.speaker()),
                    Rows.finite(s.sentimentCompound()), Rows.string(s.sentimentLabel()), s.topicIndex() < 0 ? null : s.topicIndex()));

    public static final TableDefinition<AudioRows.Word> WORDS = new TableDefinition<>(
            "transcript_words", "Every recognised word with its timing and confidence.",
            new Schema(uri(), version(), transcriptId(),
                    required(4, "segment_index", Types.LongType.get(), "Segment holding the word"),
                    required(5, "word_index", Types.LongType.get(), "0-based order of the word in the transcript"),
                    required(6, "word", Types.StringType.get(), "The word as the backend writes it (Sphinx: lower case, no punctuation)"),
                    optional(7, "start_s", Types.DoubleType.get(), "Start from the beginning of the recording, seconds"),
                    optional(8, "end_s", Types.DoubleType.get(), "End, seconds"),
                    optional(9, "confidence", Types.DoubleType.get(), "Sphinx: posterior probability from the word lattice; services: their confidence"),
                    optional(10, "speaker", Types.StringType.get(), "Speaker label, when known")),
            List.of(),
            w -> GenericRowData.of(Rows.string(w.uri()), Rows.string(w.version()), Rows.string(w.transcriptId()), w.segmentIndex(),
                    w.wordIndex(), Rows.string(w.word()), Rows.finite(w.startS()), Rows.finite(w.endS()), Rows.finite(w.confidence()), Rows.string(w.speaker())));

    public static final TableDefinition<AudioRows.Keyword> KEYWORDS = new TableDefinition<>(
            "transcript_keywords", "Key phrases of a transcript: RAKE candidates re-ranked by similarity to the transcript's embedding.",
            new Schema(uri(), version(), transcriptId(),
                    required(4, "rank", Types.LongType.get(), "1 for the best keyword"),
                    required(5, "phrase", Types.StringType.get(), "The key phrase (1-3 words, lower case)"),
                    optional(6, "score", Types.DoubleType.get(), "Final score: weighted similarity and RAKE score, after diversity re-ranking"),
                    optional(7, "similarity", Types.DoubleType.get(), "Cosine similarity of the phrase's and the transcript's all-MiniLM-L6-v2 embeddings"),
                    optional(8, "rake_score", Types.DoubleType.get(), "RAKE score of the phrase (sum of its words' degree/frequency)"),
                    required(9, "occurrences", Types.LongType.get(), "Times the phrase occurs in the transcript")),
            List.of(),
            k -> GenericRowData.of(Rows.string(k.uri()), Rows.string(k.version()), Rows.string(k.transcriptId()), k.rank(),
                    Rows.string(k.phrase()), Rows.finite(k.score()), Rows.finite(k.similarity()), Rows.finite(k.rakeScore()), k.occurrences()));

    public static final TableDefinition<AudioRows.Topic> TOPICS = new TableDefinition<>(
            "transcript_topics", "Topics within a transcript: clusters of segment embeddings, labelled with their top keywords.",
            new Schema(uri(), version(), transcriptId(),
                    required(4, "topic_index", Types.LongType.get(), "0-based, in order of the topic's first segment"),
                    required(5, "label", Types.StringType.get(), "Top three keywords of the topic's segments, comma-separated"),
                    required(6, "keywords", Types.StringType.get(), "The topic's keywords, best first, comma-separated"),
                    required(7, "segments", Types.LongType.get(), "Segments in the topic"),
                    optional(8, "share", Types.DoubleType.get(), "Fraction of the transcript's words in the topic"),
                    optional(9, "first_start_s", Types.DoubleType.get(), "Start of the topic's first segment, seconds"),
                    optional(10, "last_end_s", Types.DoubleType.get(), "End of the topic's last segment, seconds")),
            List.of(),
            t -> GenericRowData.of(Rows.string(t.uri()), Rows.string(t.version()), Rows.string(t.transcriptId()), t.topicIndex(),
                    Rows.string(t.label()), Rows.string(t.keywords()), t.segments(), Rows.finite(t.share()), Rows.finite(t.firstStartS()), Rows.finite(t.lastEndS())));

    /** Every audio table, in documentation order. */
    public static final List<TableDefinition<?>> ALL = List.of(TRANSCRIPTS, SEGMENTS, WORDS, KEYWORDS, TOPICS);
}
