package dev.sightline.audio;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ProgressListener;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.RowSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Analyses recordings one at a time on the calling thread, with the same stages as the streaming
 * branch (decode, split, transcribe, language analysis), for {@code sightline analyze} and
 * benchmarks. Holds the models: build one and reuse it; not thread-safe.
 */
public final class AudioAnalysis implements AutoCloseable {

    private final ObjectStore store;
    private final AudioSettings settings;
    private final TranscriptAnalysis language;
    private Transcriber sphinx;
    private RecordingTranscriber remote;

    public AudioAnalysis(ObjectStore store, AudioSettings settings) {
        this.store = store;
        this.settings = settings;
        this.language = new TranscriptAnalysis(settings.language());
    }

    /**
     * Analyses one recording (or a video's sound track) into {@code sink}, the branch's own dead
     * letters included. Never throws for bad input.
     *
     * @return the ledger outcome, empty for a video's sound track
     */
    public Optional<ObjectOutcome> analyze(MediaObject object, RowSink sink) throws Exception {
        return analyze(object, sink, ProgressListener.NONE);
    }

    /** As {@link #analyze(MediaObject, RowSink)}, telling {@code progress} the seconds decoded and transcribed. */
    public Optional<ObjectOutcome> analyze(MediaObject object, RowSink sink, ProgressListener progress) throws Exception {
        long started = System.currentTimeMillis();
        if (!settings.inProcess()) {
            if (remote == null) {
                remote = TranscribeRecordings.open(settings, store);
            }
            return AnalyzeTranscripts.finish(language, TranscribeRecordings.transcribe(remote, object, started), sink);
        }
        List<TranscriptSegment> segments = new ArrayList<>();
        AudioDecoder.Result decoded = VoiceActivitySplitter.split(new AudioDecoder(store, progress), object, settings.voice(), utterance -> {
            segments.add(TranscribeSpeech.transcribe(sphinx(), utterance, () -> { }));
            progress.progress(object.uri(), "transcribe", utterance.endSeconds(), 0, "s");
        });
        if (decoded.hasAudio()) {
            language.analyze(TranscriptSource.decoded(object, TranscriberKind.SPHINX4.label(), SphinxTranscriber.LANGUAGE, decoded, started),
                    segments, sink);
        }
        AudioOutcomes.deadLetter(object, decoded).ifPresent(letter -> sink.add(LedgerTables.DEAD_LETTERS, letter));
        return AudioOutcomes.outcome(object, decoded);
    }

    /** The recogniser, loaded when the first utterance needs it (a video without sound never loads it). */
    private Transcriber sphinx() {
        if (sphinx == null) {
            try {
                sphinx = new SphinxTranscriber(settings.sphinx());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot load Sphinx4's model", e);
            }
        }
        return sphinx;
    }

    @Override
    public void close() throws Exception {
        language.close();
        if (sphinx != null) {
            sphinx.close();
        }
        if (remote != null) {
            remote.close();
        }
    }
}
