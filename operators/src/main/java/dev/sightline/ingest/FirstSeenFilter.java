package dev.sightline.ingest;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes the first notice of each object version and drops the rest (duplicate notifications,
 * re-listings after a restart). Keyed by {@link ObjectNotice#versionKey()}; the memory of a
 * version expires after a configurable time to live. Metric: {@code duplicatesDropped}.
 */
public final class FirstSeenFilter extends KeyedProcessFunction<String, ObjectNotice, ObjectNotice> {
    private static final long serialVersionUID = 1L;

    /** The state name; part of savepoint compatibility, never rename. */
    public static final String STATE_NAME = "first-seen";

    private final Duration timeToLive;
    private transient ValueState<Long> firstSeenAt;
    private transient Counter duplicatesDropped;

    public FirstSeenFilter(Duration timeToLive) {
        if (timeToLive.isZero() || timeToLive.isNegative()) {
            throw new IllegalArgumentException("time to live must be positive, got " + timeToLive);
        }
        this.timeToLive = timeToLive;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>(STATE_NAME, Long.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(timeToLive)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        firstSeenAt = getRuntimeContext().getState(descriptor);
        duplicatesDropped = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
    }

    @Override
    public void processElement(ObjectNotice notice, Context context, Collector<ObjectNotice> out) throws Exception {
        if (firstSeenAt.value() != null) {
            duplicatesDropped.inc();
            return;
        }
        firstSeenAt.update(notice.receivedAt() == null ? 0L : notice.receivedAt().toEpochMilli());
        out.collect(notice);
    }
}
