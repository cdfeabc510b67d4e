package dev.sightline.job;

import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts finished objects per media type and outcome ({@code objectsDone}, {@code objectsFailed},
 * {@code objectsPartial} under {@code media_type=<type>}) and failed or partial ones per error class
 * ({@code objectProblems} under {@code error_class=<class>}), records {@code processingMillis} and
 * logs one progress line per object.
 */
final class OutcomeMetrics extends RichMapFunction<ObjectOutcome, ObjectOutcome> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeMetrics.class);

    private transient Map<MediaType, Map<ObjectStatus, Counter>> counters;
    private transient Map<MediaType, Histogram> processingMillis;
    private transient Map<MediaType, MetricGroup> groups;
    private transient Map<String, Counter> problems;

    @Override
    public void open(OpenContext openContext) {
        counters = new EnumMap<>(MediaType.class);
        processingMillis = new EnumMap<>(MediaType.class);
        groups = new EnumMap<>(MediaType.class);
        problems = new HashMap<>();
        for (MediaType type : MediaType.values()) {
            MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("media_type", type.label());
            Map<ObjectStatus, Counter> byStatus = new EnumMap<>(ObjectStatus.class);
            byStatus.put(ObjectStatus.DONE, group.counter("objectsDone"));
            byStatus.put(ObjectStatus.PARTIAL, group.counter("objectsPartial"));
            byStatus.put(ObjectStatus.FAILED, group.counter("objectsFailed"));
            counters.put(type, byStatus);
            groups.put(type, group);
            processingMillis.put(type, group.histogram("processingMillis", new DescriptiveStatisticsHistogram(1000)));
        }
    }

    @Override
    public ObjectOutcome map(ObjectOutcome outcome) {
        MediaType type = outcome.object().mediaType();
        counters.get(type).get(outcome.status()).inc();
        if (outcome.errorClass() != null) { // error classes are a small fixed set (docs/data-model.md): one counter each, made when first seen
            problems.computeIfAbsent(type.label() + "/" + outcome.errorClass(),
                    k -> groups.get(type).addGroup("error_class", outcome.errorClass()).counter("objectProblems")).inc();
        }
        long millis = outcome.object().receivedAt() == null ? 0
                : Math.max(0, Duration.between(outcome.object().receivedAt(), outcome.processedAt()).toMillis());
        processingMillis.get(type).update(millis);
        LOG.info("{} {} {} ms {}{}", type.label(), outcome.status().label(), millis, outcome.object().uri(),
                outcome.error() == null ? "" : " (" + outcome.errorClass() + ": " + outcome.error() + ")");
        return outcome;
    }
}
