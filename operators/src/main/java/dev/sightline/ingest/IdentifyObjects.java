package dev.sightline.ingest;

import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.cloud.StoreBackedFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.util.Collector;

/**
 * The identify stage: reads each announced object once ({@link ObjectInspector}) and emits its
 * {@link MediaObject}. Metrics: {@code objectsIn}, {@code bytesRead}, {@code identifyMillis}.
 */
public final class IdentifyObjects extends StoreBackedFunction<ObjectNotice, MediaObject> {
    private static final long serialVersionUID = 1L;

    private transient ObjectInspector inspector;
    private transient Counter objectsIn;
    private transient Counter bytesRead;
    private transient Histogram identifyMillis;

    public IdentifyObjects(ObjectStoreFactory stores) {
        super(stores);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        inspector = new ObjectInspector(store());
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        objectsIn = metrics.counter("objectsIn");
        bytesRead = metrics.counter("bytesRead");
        identifyMillis = metrics.histogram("identifyMillis", new DescriptiveStatisticsHistogram(1000));
    }

    @Override
    public void processElement(ObjectNotice notice, Context context, Collector<MediaObject> out) {
        long start = System.nanoTime();
        objectsIn.inc();
        MediaObject object = inspector.inspect(notice);
        bytesRead.inc(Math.max(0, object.sizeBytes()));
        identifyMillis.update((System.nanoTime() - start) / 1_000_000);
        out.collect(object);
    }
}
