package dev.sightline.audio;

import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.cloud.StoreBackedFunction;
import dev.sightline.ingest.InFlightObjects;
import dev.sightline.ingest.MediaObject;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * The first audio stage: decodes each recording as a stream to 16 kHz mono and cuts it into
 * utterances at silences, emitting each as soon as it is complete (memory stays flat in the
 * recording's length), then a closing part. Metrics: {@code audioSecondsDecoded}, {@code utterances}.
 */
public final class DecodeAudio extends StoreBackedFunction<MediaObject, AudioPart> {
    private static final long serialVersionUID = 1L;

    private final VoiceActivitySplitter.Settings voice;
    private transient Counter seconds;
    private transient Counter utterances;
    private transient InFlightObjects inFlight;

    public DecodeAudio(ObjectStoreFactory stores, VoiceActivitySplitter.Settings voice) {
        super(stores);
        this.voice = voice;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        seconds = getRuntimeContext().getMetricGroup().counter("audioSecondsDecoded");
        utterances = getRuntimeContext().getMetricGroup().counter("utterances");
        inFlight = InFlightObjects.register(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(MediaObject object, Context context, Collector<AudioPart> out) {
        long started = System.currentTimeMillis();
        int[] sent = {0};
        inFlight.progress(object.uri(), "decode", 0, 0, "s");
        AudioDecoder.Result decoded;
        try {
            decoded = VoiceActivitySplitter.split(new AudioDecoder(store(), inFlight), object, voice, utterance -> {
                out.collect(AudioPart.speech(object, utterance));
                sent[0]++;
            });
        } finally {
            inFlight.finished(object.uri());
        }
        seconds.inc(Math.round(decoded.seconds()));
        utterances.inc(sent[0]);
        out.collect(AudioPart.end(new AudioPart.End(object, sent[0], decoded, started)));
    }
}
