package dev.sightline.audio;

import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.RowSink;
import dev.sightline.sink.TableOutputs;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Runs the language analysis on transcripts from a remote backend and writes their rows and outcomes. */
public final class AnalyzeTranscripts extends ProcessFunction<RemoteTranscript, ObjectOutcome> {
    private static final long serialVersionUID = 1L;

    private final LanguageSettings language;
    private transient TranscriptAnalysis analysis;

    public AnalyzeTranscripts(LanguageSettings language) {
        this.language = language;
    }

    @Override
    public void open(OpenContext openContext) {
        analysis = new TranscriptAnalysis(language);
    }

    @Override
    public void processElement(RemoteTranscript transcript, Context context, Collector<ObjectOutcome> out) {
        finish(analysis, transcript, new TableOutputs(context::output)).ifPresent(out::collect);
    }

    /**
     * Writes a remote transcript's rows, or its failure (a sound track's as a dead letter);
     * returns the ledger outcome (none for a sound track).
     */
    static Optional<ObjectOutcome> finish(TranscriptAnalysis analysis, RemoteTranscript transcript, RowSink sink) {
        if (transcript.failure() != null) {
            if (AudioOutcomes.isSoundTrack(transcript.object())) {
                sink.add(LedgerTables.DEAD_LETTERS, new DeadLetter(transcript.object().uri(), transcript.object().version(), AudioOutcomes.STAGE,
                        AudioOutcomes.TRANSCRIPTION_FAILED, transcript.failure(), Instant.now()));
            }
            return AudioOutcomes.failedTranscription(transcript.object(), transcript.failure());
        }
        analysis.analyze(TranscriptSource.remote(transcript), transcript.segments(), sink);
        return AudioOutcomes.isSoundTrack(transcript.object()) ? Optional.empty()
                : Optional.of(ObjectOutcome.done(transcript.object(), AudioOutcomes.STAGE, Instant.now()));
    }

    @Override
    public void close() {
        if (analysis != null) {
            analysis.close();
        }
    }
}
