package dev.sightline.offload;

import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectOutcome;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.RowData;

/**
 * The {@code compute_runs} row of an object analysed in the task manager: its run time is from the
 * object's notice to its outcome, its resources the in-task profile's, its task id the one an
 * offloaded run of the same work would have.
 */
public final class InTaskRuns implements MapFunction<ObjectOutcome, RowData>, Serializable {
    private static final long serialVersionUID = 1L;

    private final Tenants tenants;
    private final QueueProfile inTask;
    private final Map<MediaType, String> fingerprints;

    public InTaskRuns(Tenants tenants, QueueProfile inTask, Map<MediaType, String> fingerprints) {
        this.tenants = tenants;
        this.inTask = inTask;
        this.fingerprints = new EnumMap<>(fingerprints);
    }

    @Override
    public RowData map(ObjectOutcome outcome) {
        return ComputeRunTables.COMPUTE_RUNS.rowMapper().toRow(run(outcome));
    }

    /** The run of one in-task outcome. */
    public ComputeRun run(ObjectOutcome outcome) {
        MediaObject object = outcome.object();
        double runS = object.receivedAt() == null ? Double.NaN
                : Math.max(0, Duration.between(object.receivedAt(), outcome.processedAt()).toNanos() / 1e9);
        String type = object.mediaType().label();
        return new ComputeRun(object.uri(), object.version(), type, outcome.stage(), "in-task", null, null, tenants.of(object.uri()).name(),
                ComputeTask.idOf(object, object.mediaType(), fingerprints.getOrDefault(object.mediaType(), "")), null, 1,
                object.receivedAt(), object.receivedAt(), outcome.processedAt(), 0, runS, inTask.vcpus(), inTask.gpus(),
                inTask.memoryMib(), null, inTask.prices().cost(runS, inTask.vcpus(), inTask.gpus(), inTask.memoryMib()),
                ComputeRun.SUCCEEDED, outcome.status().label(), null);
    }
}
