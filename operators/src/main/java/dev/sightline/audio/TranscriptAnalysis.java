package dev.sightline.audio;

import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.StableId;
import dev.sightline.language.Keyword;
import dev.sightline.language.KeywordExtractor;
import dev.sightline.language.KeywordSettings;
import dev.sightline.language.MiniLmEmbedder;
import dev.sightline.language.Sentiment;
import dev.sightline.language.StopWords;
import dev.sightline.language.TextTokens;
import dev.sightline.language.Topic;
import dev.sightline.language.TopicClusterer;
import dev.sightline.language.TopicSettings;
import dev.sightline.language.VaderSentiment;
import dev.sightline.sink.RowSink;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the segments of one recording into its rows: the transcript with its sentiment, each
 * segment with its sentiment and topic, every word, the keywords and the topics. Holds the
 * embedding model (loaded when a transcript first has words): build one per task and reuse it;
 * not thread-safe.
 */
public final class TranscriptAnalysis implements AutoCloseable {

    private final VaderSentiment vader = new VaderSentiment();
    private final LanguageSettings settings;
    private MiniLmEmbedder embedder;
    private KeywordExtractor keywords;
    private TopicClusterer topics;

    public TranscriptAnalysis(LanguageSettings settings) {
        this.settings = settings;
    }

    /** Loads the embedding model and tokenizers the first time a transcript has words. */
    private void loadModels() {
        if (embedder == null) {
            embedder = new MiniLmEmbedder(1); // one per slot: a thread each
            keywords = new KeywordExtractor(new TextTokens(), embedder, StopWords.english(),
                    KeywordSettings.defaults().withTopK(Math.max(1, settings.keywords())));
            topics = new TopicClusterer(keywords, TopicSettings.defaults().withDistanceThreshold(settings.topicDistance()));
        }
    }

    /** Writes the rows of one transcript, segments in recording order. */
    public void analyze(TranscriptSource source, List<TranscriptSegment> segments, RowSink sink) {
        MediaObject object = source.object();
        String id = StableId.of(object.uri(), object.version());
        List<TranscriptSegment> spoken = segments.stream().filter(s -> !s.words().isEmpty()).toList();
        List<String> texts = spoken.stream().map(TranscriptSegment::text).toList();
        String text = String.join(" ", texts);
        if (!texts.isEmpty()) {
            loadModels();
        }
        List<float[]> vectors = texts.isEmpty() ? List.of() : embedder.embedAll(texts);

        int[] topicOfSpoken = new int[spoken.size()];
        Arrays.fill(topicOfSpoken, -1);
        List<Topic> found = texts.isEmpty() ? List.of() : topics.topics(texts, vectors);
        for (Topic topic : found) {
            for (int member : topic.segmentIndexes()) {
                topicOfSpoken[member] = topic.topicIndex();
            }
        }
        List<Keyword> keyPhrases = texts.isEmpty() || settings.keywords() == 0 ? List.of() : keywords.keywords(texts, mean(vectors));

        long wordCount = spoken.stream().mapToLong(s -> s.words().size()).sum();
        double confidence = segments.stream().flatMap(s -> s.words().stream()).mapToDouble(TimedWord::confidence)
                .filter(c -> !Double.isNaN(c)).average().orElse(Double.NaN);
        Sentiment overall = text.isEmpty() ? null : vader.score(text);
        double duration = Double.isNaN(source.durationS()) && !segments.isEmpty()
                ? segments.get(segments.size() - 1).endSeconds() : source.durationS();
        sink.add(AudioTables.TRANSCRIPTS, new AudioRows.Transcript(object.uri(), object.version(), id, object.mediaType().label(), source.language(),
                source.backend(), source.codec(), source.sourceSampleRate(), source.sourceChannels(), duration, text, segments.size(),
                wordCount, confidence, overall == null ? Double.NaN : overall.compound(), overall == null ? null : overall.label(),
                source.problem() != null, source.problem(), (System.currentTimeMillis() - source.startedAtMillis()) / 1000.0));

        long wordIndex = 0;
        int spokenIndex = 0;
        for (TranscriptSegment segment : segments) {
            Sentiment mood = null;
            long topic = -1;
            if (!segment.words().isEmpty()) {
                mood = vader.score(segment.text());
                topic = topicOfSpoken[spokenIndex++];
            }
            sink.add(AudioTables.SEGMENTS, new AudioRows.Segment(object.uri(), object.version(), id, segment.index(), segment.startSeconds(),
                    segment.endSeconds(), segment.text(), segment.words().size(), segment.confidence(), segment.speaker(),
                    mood == null ? Double.NaN : mood.compound(), mood == null ? null : mood.label(), topic));
            for (TimedWord word : segment.words()) {
                sink.add(AudioTables.WORDS, new AudioRows.Word(object.uri(), object.version(), id, segment.index(), wordIndex++, word.word(),
                        word.startSeconds(), word.endSeconds(), word.confidence(), word.speaker()));
            }
        }
        for (int rank = 0; rank < keyPhrases.size(); rank++) {
            Keyword k = keyPhrases.get(rank);
            sink.add(AudioTables.KEYWORDS, new AudioRows.Keyword(object.uri(), object.version(), id, rank + 1, k.phrase(), k.score(), k.similarity(),
                    k.rakeScore(), k.occurrences()));
        }
        for (Topic topic : found) {
            List<TranscriptSegment> members = topic.segmentIndexes().stream().map(spoken::get).toList();
            sink.add(AudioTables.TOPICS, new AudioRows.Topic(object.uri(), object.version(), id, topic.topicIndex(), topic.label(),
                    String.join(", ", topic.keywords()), members.size(), topic.share(),
                    members.stream().mapToDouble(TranscriptSegment::startSeconds).min().orElse(Double.NaN),
                    members.stream().mapToDouble(TranscriptSegment::endSeconds).max().orElse(Double.NaN)));
        }
    }

    /** The direction of the mean of unit vectors: the embedding of a text made of these parts. */
    static float[] mean(List<float[]> vectors) {
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        return MiniLmEmbedder.normalised(sum);
    }

    @Override
    public void close() {
        if (embedder != null) {
            embedder.close();
        }
    }
}
