package dev.sightline.offload;

import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.RowSink;
import dev.sightline.sink.TableDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.flink.table.data.RowData;

/**
 * Turns an offloaded task's outcome into what the in-task path would have written: the rows of
 * the worker's result document, its dead letters, the object's outcome; plus the run's row of
 * {@code compute_runs}. A run without a usable result fails the object with a dead letter that
 * names the job; nothing else is lost.
 */
public final class OffloadResults {

    /** The stage name of an object whose offloaded run gave no result. */
    public static final String STAGE = "offload";

    private OffloadResults() {}

    /**
     * Emits everything {@code outcome} stands for and returns the object's ledger outcome.
     *
     * @param tables the job's tables, by which the document's rows are read
     * @param rows takes each result row (already in table form) with its table
     * @param records takes the dead letters and the compute run
     */
    public static ObjectOutcome emit(OffloadOutcome outcome, List<TableDefinition<?>> tables, BiConsumer<TableDefinition<?>, RowData> rows,
            RowSink records) {
        ObjectOutcome result;
        if (outcome.resultJson() == null) {
            result = ObjectOutcome.failed(outcome.object(), STAGE, outcome.errorClass(), outcome.error(), outcome.finishedAt());
            records.add(ComputeRunTables.COMPUTE_RUNS, run(outcome, outcome.status(), result, outcome.error()));
            return result;
        }
        ResultDocument.Parsed parsed;
        try {
            parsed = ResultDocument.read(outcome.resultJson().getBytes(StandardCharsets.UTF_8), outcome.object(), tables);
        } catch (RuntimeException e) {
            String error = outcome.object().fileName() + ": the result of task " + outcome.taskId() + " (" + outcome.backend() + " run "
                    + outcome.jobId() + ") cannot be read: " + e.getMessage();
            result = ObjectOutcome.failed(outcome.object(), STAGE, OffloadOutcome.UNREADABLE, error, Instant.now());
            records.add(ComputeRunTables.COMPUTE_RUNS, run(outcome, ComputeRun.FAILED, result, error));
            return result;
        }
        for (Map.Entry<TableDefinition<?>, List<RowData>> table : parsed.rows().entrySet()) {
            table.getValue().forEach(row -> rows.accept(table.getKey(), row));
        }
        for (DeadLetter letter : parsed.deadLetters()) {
            records.add(LedgerTables.DEAD_LETTERS, letter);
        }
        records.add(ComputeRunTables.COMPUTE_RUNS, run(outcome, ComputeRun.SUCCEEDED, parsed.outcome(), null));
        return parsed.outcome();
    }

    private static ComputeRun run(OffloadOutcome o, String status, ObjectOutcome result, String reason) {
        double queued = o.submittedAt() == null || o.startedAt() == null ? Double.NaN
                : Math.max(0, java.time.Duration.between(o.submittedAt(), o.startedAt()).toNanos() / 1e9);
        double runS = o.startedAt() == null || o.finishedAt() == null ? Double.NaN
                : java.time.Duration.between(o.startedAt(), o.finishedAt()).toNanos() / 1e9;
        return new ComputeRun(o.object().uri(), o.object().version(), o.object().mediaType().label(), o.object().mediaType().label(),
                o.backend(), o.route(), o.queue(), o.tenant(), o.taskId(), o.jobId(), o.attempts(), o.submittedAt(), o.startedAt(),
                o.finishedAt(), queued, runS, o.vcpus(), o.gpus(), o.memoryMib(), o.instanceType(), o.costUsd(), status,
                result.status().label(), reason);
    }
}
