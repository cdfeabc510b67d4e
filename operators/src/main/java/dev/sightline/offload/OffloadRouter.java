package dev.sightline.offload;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.cloud.StoreBackedFunction;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.media.MediaProbe;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decides, by the routing rules, where each identified object is analysed: objects that stay in
 * the task go on (to the media router and the branches); objects to offload leave on
 * {@link #OFFLOADED}. Duration and picture size are read from the container only when a rule for
 * the object's media type asks for them. Unidentified objects always go on (they are rejected
 * there). Metrics: {@code objectsOffloaded}, {@code objectsInTask}.
 */
public final class OffloadRouter extends StoreBackedFunction<MediaObject, MediaObject> {
    private static final long serialVersionUID = 1L;

    /** Objects to offload. */
    public static final OutputTag<OffloadRequest> OFFLOADED = new OutputTag<>("offloaded", TypeInformation.of(OffloadRequest.class));

    /** The route name of objects no rule matched. */
    public static final String DEFAULT_ROUTE = "default";

    private final RouteRules rules;
    private transient Counter offloaded;
    private transient Counter inTask;

    public OffloadRouter(ObjectStoreFactory stores, RouteRules rules) {
        super(stores);
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        offloaded = getRuntimeContext().getMetricGroup().counter("objectsOffloaded");
        inTask = getRuntimeContext().getMetricGroup().counter("objectsInTask");
    }

    @Override
    public void processElement(MediaObject object, Context context, Collector<MediaObject> out) {
        OffloadRequest request = route(rules, store(), object);
        if (request != null) {
            offloaded.inc();
            context.output(OFFLOADED, request);
        } else {
            inTask.inc();
            out.collect(object);
        }
    }

    /** Where the rules send {@code object}: a request to offload it, or null when it stays in the task. */
    public static OffloadRequest route(RouteRules rules, ObjectStore store, MediaObject object) {
        if (!object.identified()) {
            return null;
        }
        RouteRule rule = rules.match(facts(rules, store, object));
        RouteTarget target = rule == null ? rules.fallback() : rule.target();
        return target.offload() ? new OffloadRequest(object, rule == null ? DEFAULT_ROUTE : rule.text(), target.queue()) : null;
    }

    private static MediaFacts facts(RouteRules rules, ObjectStore store, MediaObject object) {
        if (object.mediaType() == MediaType.GAZE || !rules.needsProbe(object.mediaType())) {
            return MediaFacts.unprobed(object.uri(), object.mediaType(), object.sizeBytes());
        }
        MediaProbe.Facts probed = MediaProbe.probe(store, object);
        return new MediaFacts(object.uri(), object.mediaType(), object.sizeBytes(), probed.durationS(), probed.width(), probed.height());
    }
}
