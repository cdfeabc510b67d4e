package dev.sightline.offload;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import dev.sightline.sink.Rows;
import dev.sightline.sink.TableDefinition;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** The {@code compute_runs} table: where each object's analysis ran, for how long, and what it cost. */
public final class ComputeRunTables {

    private ComputeRunTables() {}

    public static final TableDefinition<ComputeRun> COMPUTE_RUNS = new TableDefinition<>(
            "compute_runs", "One row per analysis of an object: backend, tenant, task and job, attempts, queue and run time, resources, estimated cost.",
            new Schema(
                    required(1, "uri", Types.StringType.get(), "Object URI"),
                    required(2, "version", Types.StringType.get(), "Object version"),
                    required(3, "media_type", Types.StringType.get(), "video, audio or gaze"),
                    required(4, "stage", Types.StringType.get(), "The analysis that ran: video (with the sound track when audio.video-sound), audio or gaze"),
                    required(5, "backend", Types.StringType.get(), "in-task, local-process or aws-batch"),
                    optional(6, "route", Types.StringType.get(), "The routing rule that chose the backend; default when none did; breaker-open for a fallback in the task"),
                    optional(7, "queue", Types.StringType.get(), "Queue the task ran on (offload.queue.<name>); null in the task"),
                    required(8, "tenant", Types.StringType.get(), "Tenant of the object's input prefix (offload.tenant.<name>)"),
                    required(9, "task_id", Types.StringType.get(), "Stable id of the work: media type and a hash of object, version and settings fingerprint"),
                    optional(10, "job_id", Types.StringType.get(), "Backend's id of the run (AWS Batch job id, local run id); null in the task"),
                    required(11, "attempts", Types.LongType.get(), "Attempts the run took (Batch retries within one job)"),
                    optional(12, "submitted_at", Types.TimestampType.withZone(), "When the task was submitted (in the task: when the object's notice arrived)"),
                    optional(13, "started_at", Types.TimestampType.withZone(), "When the last attempt started, when known"),
                    optional(14, "finished_at", Types.TimestampType.withZone(), "When the run ended"),
                    optional(15, "queued_s", Types.DoubleType.get(), "Seconds from submission to the last attempt's start"),
                    optional(16, "run_s", Types.DoubleType.get(), "Seconds the last attempt ran (in the task: from notice to outcome)"),
                    optional(17, "vcpus", Types.DoubleType.get(), "vCPUs the run held"),
                    optional(18, "gpus", Types.LongType.get(), "GPUs the run held"),
                    optional(19, "memory_mib", Types.LongType.get(), "Memory the run held, MiB"),
                    optional(20, "instance_type", Types.StringType.get(), "EC2 instance type, when the backend says"),
                    optional(21, "estimated_cost_usd", Types.DoubleType.get(), "Run hours x configured hourly prices (offload.price.*): an estimate, not a bill"),
                    required(22, "status", Types.StringType.get(), "succeeded, failed, timed-out or cancelled"),
                    optional(23, "outcome", Types.StringType.get(), "The object's ledger status: done, partial or failed"),
                    optional(24, "reason", Types.StringType.get(), "Why the run did not succeed")),
            List.of("finished_at"),
            r -> GenericRowData.of(Rows.string(r.uri()), Rows.string(r.version()), Rows.string(r.mediaType()), Rows.string(r.stage()),
                    Rows.string(r.backend()), Rows.string(r.route()), Rows.string(r.queue()), Rows.string(r.tenant()),
                    Rows.string(r.taskId()), Rows.string(r.jobId()), r.attempts(), Rows.timestamp(r.submittedAt()),
                    Rows.timestamp(r.startedAt()), Rows.timestamp(r.finishedAt()), Rows.finite(r.queuedS()), Rows.finite(r.runS()),
                    Rows.finite(r.vcpus()), r.gpus(), r.memoryMib(), Rows.string(r.instanceType()), Rows.finite(r.costUsd()),
                    Rows.string(r.status()), Rows.string(r.outcome()), Rows.string(r.reason())));
}
