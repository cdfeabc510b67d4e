package dev.sightline.audio;

import dev.sightline.ingest.InFlightObjects;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parallel audio stage: transcribes utterances with Sphinx4, whichever recording they come
 * from, so one long recording keeps every slot busy. The model is loaded once per task, when it
 * first needs it. Closing parts pass through. Metrics: {@code wordsRecognised}, {@code utterancesFailed}.
 */
public final class TranscribeSpeech extends ProcessFunction<AudioPart, AudioPart> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TranscribeSpeech.class);

    private final SphinxTranscriber.Settings settings;
    private transient Transcriber transcriber;
    private transient Counter words;
    private transient Counter failed;
    private transient InFlightObjects inFlight;

    public TranscribeSpeech(SphinxTranscriber.Settings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        words = getRuntimeContext().getMetricGroup().counter("wordsRecognised");
        failed = getRuntimeContext().getMetricGroup().counter("utterancesFailed");
        inFlight = InFlightObjects.register(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(AudioPart part, Context context, Collector<AudioPart> out) throws Exception {
        String uri = part.key().substring(0, Math.max(0, part.key().indexOf('\u0000')));
        if (part.speech() == null) {
            inFlight.finished(uri);
            out.collect(part);
            return;
        }
        if (transcriber == null) { // loaded with the first utterance: tasks that never see speech never pay for it
            transcriber = new SphinxTranscriber(settings);
        }
        TranscriptSegment segment = transcribe(transcriber, part.speech(), failed::inc);
        words.inc(segment.words().size());
        inFlight.progress(uri, "transcribe", part.speech().endSeconds(), 0, "s");
        out.collect(part.transcribed(segment));
    }

    /**
     * The segment of one utterance. When the recogniser fails on it, the failure is logged and
     * reported to {@code onFailure}, and the segment is left without words.
     */
    static TranscriptSegment transcribe(Transcriber transcriber, Utterance utterance, Runnable onFailure) {
        try {
            return TranscriptSegment.of(utterance, transcriber.transcribe(utterance));
        } catch (Exception e) {
            LOG.warn("the recogniser failed on the utterance at {} s; it is left without words", utterance.startSeconds(), e);
            onFailure.run();
            return TranscriptSegment.of(utterance, List.of());
        }
    }

    @Override
    public void close() throws Exception {
        if (transcriber != null) {
            transcriber.close();
        }
    }
}
