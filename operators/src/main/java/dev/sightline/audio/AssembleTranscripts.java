package dev.sightline.audio;

import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.TableOutputs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The last audio stage, keyed by recording: gathers the segments transcribed in parallel until
 * the closing part says all have come, then runs the language analysis and writes the rows and
 * the recording's outcome. Its state holds only the words of recordings still in flight.
 */
public final class AssembleTranscripts extends KeyedProcessFunction<String, AudioPart, ObjectOutcome> {
    private static final long serialVersionUID = 1L;

    private final LanguageSettings language;
    private final String backend;
    private final String languageTag;
    private transient ListState<TranscriptSegment> segments;
    private transient ValueState<Integer> received;
    private transient ValueState<AudioPart.End> end;
    private transient TranscriptAnalysis analysis;

    /**
     * @param backend the name of the backend that transcribed the segments
     * @param languageTag the language it transcribed
     */
    public AssembleTranscripts(LanguageSettings language, String backend, String languageTag) {
        this.language = language;
        this.backend = backend;
        this.languageTag = languageTag;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        segments = getRuntimeContext().getListState(new ListStateDescriptor<>("segments", TypeInformation.of(TranscriptSegment.class)));
        received = getRuntimeContext().getState(new ValueStateDescriptor<>("received", Types.INT));
        end = getRuntimeContext().getState(new ValueStateDescriptor<>("end", TypeInformation.of(AudioPart.End.class)));
        analysis = new TranscriptAnalysis(language);
    }

    @Override
    public void processElement(AudioPart part, Context context, Collector<ObjectOutcome> out) throws Exception {
        if (part.segment() != null) {
            segments.add(part.segment());
            received.update(received.value() == null ? 1 : received.value() + 1);
        } else if (part.end() != null) {
            end.update(part.end());
        }
        AudioPart.End closing = end.value();
        int got = received.value() == null ? 0 : received.value();
        if (closing == null || got < closing.utterances()) {
            return;
        }
        List<TranscriptSegment> all = new ArrayList<>();
        segments.get().forEach(all::add);
        all.sort(Comparator.comparingInt(TranscriptSegment::index));
        segments.clear();
        received.clear();
        end.clear();
        finish(closing, all, context, out);
    }

    private void finish(AudioPart.End closing, List<TranscriptSegment> all, Context context, Collector<ObjectOutcome> out) {
        AudioDecoder.Result decoded = closing.decoded();
        TableOutputs outputs = new TableOutputs(context::output);
        if (decoded.hasAudio()) {
            analysis.analyze(TranscriptSource.decoded(closing.object(), backend, languageTag, decoded, closing.startedAtMillis()), all,
                    outputs);
        }
        AudioOutcomes.deadLetter(closing.object(), decoded).ifPresent(letter -> outputs.add(LedgerTables.DEAD_LETTERS, letter));
        AudioOutcomes.outcome(closing.object(), decoded).ifPresent(out::collect);
    }

    @Override
    public void close() {
        if (analysis != null) {
            analysis.close();
        }
    }
}
