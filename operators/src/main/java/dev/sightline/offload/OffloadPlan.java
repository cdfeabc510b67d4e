package dev.sightline.offload;

import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Offload in the job graph: routing after identification (uid {@code offload-route}), the async
 * operator (uid {@code offload-analysis}; unordered, the capacity and longest time-out of the
 * settings, its own parallelism: it only waits on tasks, and each instance has its own local
 * worker pool) and the stage that emits the results (uid {@code offload-results}) into the same
 * tables as the in-task branches.
 *
 * @param backend the configured compute backend
 * @param inTask the in-task backend of fallback runs
 */
public record OffloadPlan(OffloadSettings settings, ComputeBackendFactory backend, ComputeBackendFactory inTask)
        implements java.io.Serializable {

    /** The objects that stay in the task, and the outcomes of those offloaded. */
    public record Attached(DataStream<MediaObject> inTask, DataStream<ObjectOutcome> outcomes) {}

    /**
     * Adds the offload operators behind {@code identified}; the results' rows go to {@code rows}.
     *
     * @param tables every table the job writes (result documents are read by them)
     */
    public Attached attach(DataStream<MediaObject> identified, ObjectStoreFactory stores, TableStreams rows,
            List<TableDefinition<?>> tables) {
        SingleOutputStreamOperator<MediaObject> routed = identified
                .process(new OffloadRouter(stores, settings.routes()))
                .name("route to offload or the task")
                .uid("offload-route");
        DataStream<OffloadRequest> requests = routed.getSideOutput(OffloadRouter.OFFLOADED).rebalance();
        // Flink's own time-out is a safety net past the longest per-media-type one, which the offloader enforces.
        long timeoutMillis = settings.longestTimeout().plusMinutes(1).toMillis();
        SingleOutputStreamOperator<ObjectOutcome> outcomes = AsyncDataStream.unorderedWait(requests,
                        new OffloadAnalysis(stores, settings, backend, inTask), timeoutMillis, TimeUnit.MILLISECONDS, settings.inFlight())
                .returns(TypeInformation.of(OffloadOutcome.class))
                .setParallelism(settings.parallelism())
                .name("offload analyses")
                .uid("offload-analysis")
                .process(new EmitOffloadResults(tables, rows.wants(dev.sightline.attention.Viewing.OUTPUT)))
                .setParallelism(settings.parallelism())
                .name("offloaded results")
                .uid("offload-results");
        List<TableDefinition<?>> results = new ArrayList<>(tables);
        results.removeIf(t -> t.name().equals(dev.sightline.sink.LedgerTables.MEDIA_OBJECTS.name())
                || t.name().equals(dev.sightline.sink.LedgerTables.DEAD_LETTERS.name()));
        rows.addResults(outcomes, results);
        rows.addTagged(dev.sightline.attention.Viewing.OUTPUT, outcomes.getSideOutput(dev.sightline.attention.Viewing.OUTPUT));
        rows.addTagged(dev.sightline.attention.StimulusVideo.OUTPUT,
                outcomes.getSideOutput(dev.sightline.attention.StimulusVideo.OUTPUT));
        return new Attached(routed, outcomes);
    }
}
