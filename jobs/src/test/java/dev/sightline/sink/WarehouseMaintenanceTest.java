package dev.sightline.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.recovery.TableChecksums;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Iceberg's maintenance flows, as the job and {@code sightline maintain} attach them, compact a
 * table of many small files and expire its old snapshots, and the table returns the same rows.
 */
class WarehouseMaintenanceTest {

    @TempDir
    Path dir;

    private static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "uri", Types.StringType.get()),
            Types.NestedField.required(2, "value", Types.LongType.get()));

    @Test
    void compactsSmallFilesExpiresSnapshotsAndKeepsTheRows() throws Exception {
        String lock = lockUri();
        IcebergCatalogSettings catalog = catalog();
        try (IcebergWarehouse warehouse = new IcebergWarehouse(catalog)) {
            Table table = createTable(catalog, "small_files");
            commitSmallFiles(table, 0, 12);
            TableHealth before = TableHealth.of(warehouse.table("small_files"));
            TableChecksums.Summary rowsBefore = TableChecksums.of(warehouse, "small_files");
            assertThat(before.dataFiles()).isEqualTo(12);
            assertThat(before.snapshots()).isEqualTo(12);

            WarehouseMaintenance.Settings settings = new WarehouseMaintenance.Settings(Duration.ofMillis(1), 2, 1, 1, 2, 128L << 20,
                    Duration.ofDays(3), Duration.ofDays(1), Duration.ofSeconds(1), lock);
            JobClient job = WarehouseMaintenance.startOnce(catalog, List.of("small_files"), settings);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                TableHealth now = before;
                while (System.nanoTime() < deadline && !(now.dataFiles() == 1 && now.snapshots() <= 3)) {
                    Thread.sleep(500);
                    now = TableHealth.of(warehouse.table("small_files"));
                }
                assertThat(now.dataFiles()).as("data files after the rewrite").isEqualTo(1);
                assertThat(now.snapshots()).as("snapshots after expiry (2 retained, plus the rewrite's)").isLessThanOrEqualTo(3);
            } finally {
                job.cancel().get();
            }
            assertThat(TableChecksums.of(warehouse, "small_files")).as("the rows, before and after").isEqualTo(rowsBefore);
        }
    }

    @Test
    void theJobsSchedulesCountEveryCommitMadeBetweenTwoLooksAtATable() throws Exception {
        String lock = lockUri();
        IcebergCatalogSettings catalog = catalog();
        try (IcebergWarehouse warehouse = new IcebergWarehouse(catalog)) {
            Table table = createTable(catalog, "busy");
            commitSmallFiles(table, 0, 1);
            // expire after 40 commits, looked at every 2 s; no rewrite, no orphan search in this test
            WarehouseMaintenance.Settings settings = new WarehouseMaintenance.Settings(Duration.ofMillis(1), 2, 40, 1_000_000, 2, 128L << 20,
                    Duration.ofDays(3), Duration.ofDays(1), Duration.ofSeconds(2), lock);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
            env.enableCheckpointing(1_000);
            WarehouseMaintenance.attach(env, catalog, List.of("busy"), settings);
            JobClient job = env.executeAsync("maintenance of a busy table");
            try {
                awaitRunning(job);
                Thread.sleep(3_000); // the first look has been taken
                commitSmallFiles(table, 1, 40); // 40 commits within about two looks, as a job with short checkpoints makes them
                // 45 s: room for a loaded 2-core machine (one CI run needed more than 20), still well short of the 80 s below
                long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
                TableHealth now = TableHealth.of(warehouse.table("busy"));
                while (System.nanoTime() < deadline && now.snapshots() > 2) {
                    Thread.sleep(250);
                    now = TableHealth.of(warehouse.table("busy"));
                }
                // counting one commit per look (Iceberg's read-back bound of 1) would need 40 looks, 80 s
                assertThat(now.snapshots()).as("snapshots once 40 commits were counted and expiry ran").isLessThanOrEqualTo(2);
            } finally {
                job.cancel().get();
            }
        }
    }

    /** The test's JDBC catalog, whose database also holds the maintenance lock. */
    private IcebergCatalogSettings catalog() {
        return IcebergCatalogSettings.jdbc(LocalPaths.toUri(dir.resolve("warehouse")), lockUri(), "sightline", null);
    }

    private String lockUri() {
        return "jdbc:sqlite:" + dir.resolve("catalog.db");
    }

    private static void awaitRunning(JobClient job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the maintenance job did not start: " + job.getJobStatus().get());
            }
            Thread.sleep(100);
        }
    }

    private static Table createTable(IcebergCatalogSettings catalog, String name) {
        Catalog iceberg = catalog.load();
        if (iceberg instanceof org.apache.iceberg.catalog.SupportsNamespaces namespaces && !namespaces.namespaceExists(catalog.icebergNamespace())) {
            namespaces.createNamespace(catalog.icebergNamespace());
        }
        return iceberg.createTable(catalog.identifier(name), SCHEMA, PartitionSpec.unpartitioned());
    }

    /** Appends {@code count} commits of one small file each (five rows), as a job does at each checkpoint. */
    private static void commitSmallFiles(Table table, int first, int count) throws Exception {
        for (int commit = first; commit < first + count; commit++) {
            DataWriter<org.apache.iceberg.data.Record> writer = Parquet.writeData(table.io().newOutputFile(
                            table.location() + "/data/part-" + commit + ".parquet"))
                    .schema(SCHEMA).createWriterFunc(GenericParquetWriter::create).withSpec(PartitionSpec.unpartitioned()).overwrite().build();
            for (int row = 0; row < 5; row++) {
                GenericRecord record = GenericRecord.create(SCHEMA);
                record.setField("uri", "s3://raw/object-" + commit + "-" + row);
                record.setField("value", (long) commit * 100 + row);
                writer.write(record);
            }
            writer.close();
            DataFile file = writer.toDataFile();
            table.newAppend().appendFile(file).commit();
        }
    }
}
