package dev.sightline.video;

import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.cloud.StoreBackedFunction;
import dev.sightline.ingest.InFlightObjects;
import dev.sightline.ingest.MediaObject;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * The first video stage: decodes each video object as a stream into frame batches for the
 * analyzers, then its closing record. Metrics: {@code framesDecoded}, {@code frameBatches}.
 */
public final class DecodeVideo extends StoreBackedFunction<MediaObject, FrameBatch> {
    private static final long serialVersionUID = 1L;

    private final VideoSettings settings;
    private transient Counter frames;
    private transient Counter batches;
    private transient InFlightObjects inFlight;

    public DecodeVideo(ObjectStoreFactory stores, VideoSettings settings) {
        super(stores);
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        frames = getRuntimeContext().getMetricGroup().counter("framesDecoded");
        batches = getRuntimeContext().getMetricGroup().counter("frameBatches");
        inFlight = InFlightObjects.register(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(MediaObject object, Context context, Collector<FrameBatch> out) {
        inFlight.progress(object.uri(), "decode", 0, 0, "frames");
        try {
            VideoDecoder.decode(store(), object, settings, batch -> {
                if (batch.end() == null) {
                    frames.inc(batch.size());
                    batches.inc();
                }
                out.collect(batch);
            }, inFlight);
        } finally {
            inFlight.finished(object.uri());
        }
    }
}
