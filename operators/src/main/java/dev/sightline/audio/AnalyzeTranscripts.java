package dev.sightline.audio;

import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.ObjectOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
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
        finish(analysis, transcript, AudioOutputs.sink(context::output), letter -> context.output(AudioOutputs.PROBLEMS, letter))
                .ifPresent(out::collect);
    }

    /** Writes a remote transcript's rows, or its failure; returns the ledger outcome (none for a sound track). */
    static Optional<ObjectOutcome> finish(TranscriptAnalysis analysis, RemoteTranscript transcript, AudioSink sink,
            Consumer<DeadLetter> problems) {
        if (transcript.failure() != null) {
            if (AudioOutcomes.isSoundTrack(transcript.object())) {
                problems.accept(new DeadLetter(transcript.object().uri(), transcript.object().version(), AudioOutcomes.STAGE,
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
