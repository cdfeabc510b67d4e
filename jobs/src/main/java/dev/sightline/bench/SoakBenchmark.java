package dev.sightline.bench;

import dev.sightline.cloud.S3ObjectStore;
import dev.sightline.cloud.S3Settings;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.MaintenanceConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.demo.SampleGaze;
import dev.sightline.job.LocalCluster;
import dev.sightline.job.SightlineJob;
import dev.sightline.recovery.FlinkRest;
import dev.sightline.recovery.TableChecksums;
import dev.sightline.sink.IcebergWarehouse;
import dev.sightline.sink.TableHealth;
import dev.sightline.sink.WarehouseMaintenance;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A long run at a steady input rate with checkpoints every 10 s, with or without Iceberg table
 * maintenance in the job: every few minutes, data files and snapshots per table, the latest
 * checkpoint's duration and size, and the heap after a GC. At the end the input stops and the
 * warehouse is compacted once more ({@code sightline maintain}'s way): every table must return
 * the same rows before and after.
 */
public final class SoakBenchmark {

    /** What to run. */
    public record Settings(Duration length, double rate, boolean maintenance, Duration checkpointInterval, Duration sampleEvery) {}

    private static final List<String> SHOWN = List.of("media_objects", "gaze_recordings", "gaze_fixations", "gaze_saccades", "compute_runs");

    private SoakBenchmark() {}

    public static void run(PrintWriter out, Path workDir, Settings settings) throws Exception {
        try (LoopbackServers servers = new LoopbackServers(true, true)) {
            S3Settings s3 = servers.s3();
            try (S3ObjectStore store = new S3ObjectStore(s3.s3()); SqsClient sqs = servers.sqs().sqs()) {
                try (var client = s3.s3()) {
                    client.createBucket(b -> b.bucket("soak-raw"));
                    client.createBucket(b -> b.bucket("soak-lake"));
                }
                String queue = sqs.createQueue(b -> b.queueName("soak-events")).queueUrl();
                SightlineConfig config = SightlineConfig.of(jobSettings(servers, workDir, queue, settings));
                Path sample = Files.createDirectories(workDir).resolve("sample.csv");
                SampleGaze.write(sample, 1.0, 250, 1920, 1080, 42);
                byte[] content = Files.readAllBytes(sample);
                out.printf("Soak: %s at %.1f objects/s, checkpoints every %d s, table maintenance %s; %d cores%n",
                        settings.length(), settings.rate(), settings.checkpointInterval().toSeconds(), settings.maintenance() ? "ON" : "off",
                        Runtime.getRuntime().availableProcessors());
                out.printf("| minute | objects | %s | checkpoint ms | checkpoint KiB | heap MiB |%n",
                        String.join(" | ", SHOWN.stream().map(t -> t + " files/snapshots").toList()));
                out.printf("|%s%n", " ---: |".repeat(SHOWN.size() + 5));
                out.flush();
                try (LocalCluster cluster = LocalCluster.start(config);
                        IcebergWarehouse warehouse = new IcebergWarehouse(SightlineJob.catalog(config))) {
                    FlinkRest rest = new FlinkRest(cluster.webUi().toString().replaceAll("/$", ""));
                    String jobId = cluster.job().getJobID().toHexString();
                    long start = System.nanoTime();
                    long nextSample = start + settings.sampleEvery().toNanos();
                    int sent = 0;
                    while (System.nanoTime() - start < settings.length().toNanos()) {
                        long due = start + (long) (sent * 1e9 / settings.rate());
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        String key = "soak/viewer-" + sent + ".csv";
                        String version = store.put("s3://soak-raw/" + key, content, "text/csv").version();
                        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(S3Notifications.created("soak-raw", key, version, content.length)));
                        sent++;
                        if (System.nanoTime() >= nextSample) {
                            sample(out, warehouse, rest, jobId, (System.nanoTime() - start) / 60e9, sent);
                            nextSample += settings.sampleEvery().toNanos();
                        }
                    }
                    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                    while (warehouse.rowCount("media_objects") < sent && System.nanoTime() < deadline) {
                        Thread.sleep(500);
                    }
                    Thread.sleep(3 * settings.checkpointInterval().toMillis()); // the last commits of every table
                    sample(out, warehouse, rest, jobId, (System.nanoTime() - start) / 60e9, sent);
                    cluster.job().cancel().get();

                    List<String> tables = SightlineJob.tableNames(SightlineJob.graph(config));
                    Map<String, TableChecksums.Summary> before = TableChecksums.of(warehouse, tables);
                    Map<String, TableHealth> healthBefore = new HashMap<>();
                    for (String t : tables) {
                        healthBefore.put(t, TableHealth.of(warehouse.table(t)));
                    }
                    compact(config, tables, warehouse);
                    Map<String, TableChecksums.Summary> after = TableChecksums.of(warehouse, tables);
                    Map<String, String> differ = TableChecksums.differences(before, after);
                    int filesBefore = healthBefore.values().stream().mapToInt(TableHealth::dataFiles).sum();
                    int filesAfter = dataFiles(warehouse, tables);
                    out.printf("%nInput stopped after %,d objects; a final compaction took the %d tables from %,d to %,d data files: "
                            + "%d of %d tables return the same rows as before it%s%n", sent, tables.size(), filesBefore, filesAfter,
                            tables.size() - differ.size(), tables.size(), differ.isEmpty() ? "" : " (" + differ + ")");
                    out.flush();
                }
            }
        }
    }

    /** Runs the maintenance flows once over every table, until the data files stop shrinking (3 minutes at most). */
    private static void compact(SightlineConfig config, List<String> tables, IcebergWarehouse warehouse) throws Exception {
        JobClient job = WarehouseMaintenance.startOnce(SightlineJob.catalog(config), tables, MaintenanceConfig.settings(config));
        try {
            int start = dataFiles(warehouse, tables);
            int last = start;
            int steady = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline && !(last < start && steady >= 3)) {
                Thread.sleep(5_000);
                if (job.getJobStatus().get().isGloballyTerminalState()) {
                    job.getJobExecutionResult().get(); // throws the maintenance job's failure
                }
                int now = dataFiles(warehouse, tables);
                steady = now == last ? steady + 1 : 0;
                last = now;
            }
        } finally {
            job.cancel().get();
        }
    }

    private static int dataFiles(IcebergWarehouse warehouse, List<String> tables) {
        int files = 0;
        for (String t : tables) {
            files += TableHealth.of(warehouse.table(t)).dataFiles();
        }
        return files;
    }

    private static void sample(PrintWriter out, IcebergWarehouse warehouse, FlinkRest rest, String jobId, double minutes, int sent) {
        StringBuilder row = new StringBuilder();
        for (String table : SHOWN) {
            TableHealth health = TableHealth.of(warehouse.table(table));
            row.append(health.dataFiles()).append(" / ").append(health.snapshots()).append(" | ");
        }
        long[] checkpoint = rest.latestCheckpoint(jobId);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf("| %.1f | %,d | %s%s | %s | %d |%n", minutes, sent, row,
                checkpoint == null ? "-" : String.valueOf(checkpoint[0]), checkpoint == null ? "-" : String.valueOf(checkpoint[1] / 1024),
                heap / (1024 * 1024));
        out.flush();
    }

    private static Map<String, String> jobSettings(LoopbackServers servers, Path workDir, String queue, Settings settings) {
        Map<String, String> values = servers.sqsJob(workDir, queue, "soak-lake", settings.checkpointInterval(), 2);
        values.put(ConfigKeys.MAINTENANCE_ENABLED.name(), String.valueOf(settings.maintenance()));
        // A soak's worth of history: expire what is older than five minutes, compact every 30 new files.
        values.put(ConfigKeys.MAINTENANCE_EXPIRE_AFTER.name(), "5m");
        values.put(ConfigKeys.MAINTENANCE_RETAIN_LAST.name(), "10");
        values.put(ConfigKeys.MAINTENANCE_EXPIRE_EVERY.name(), "30");
        values.put(ConfigKeys.MAINTENANCE_REWRITE_EVERY.name(), "30");
        values.put(ConfigKeys.MAINTENANCE_RATE_LIMIT.name(), "30s");
        return values;
    }
}
