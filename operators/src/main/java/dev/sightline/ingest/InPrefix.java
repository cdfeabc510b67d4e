package dev.sightline.ingest;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;

/**
 * Keeps the notices of objects under one URI prefix (the job's input scope: a queue may carry
 * notifications of other buckets or prefixes) and counts the others as {@code outOfScopeObjects}.
 */
public final class InPrefix extends RichFilterFunction<ObjectNotice> {

    private final String prefix;
    private transient Counter outOfScope;

    /** @param prefix a URI prefix taken literally, e.g. {@code s3://raw/study-1/} */
    public InPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("an input prefix is needed");
        }
        this.prefix = prefix;
    }

    @Override
    public void open(OpenContext context) {
        outOfScope = getRuntimeContext().getMetricGroup().counter("outOfScopeObjects");
    }

    @Override
    public boolean filter(ObjectNotice notice) {
        if (notice.uri().startsWith(prefix)) {
            return true;
        }
        outOfScope.inc();
        return false;
    }
}
