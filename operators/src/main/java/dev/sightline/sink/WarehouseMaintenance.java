package dev.sightline.sink;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.maintenance.api.DeleteOrphanFiles;
import org.apache.iceberg.flink.maintenance.api.ExpireSnapshots;
import org.apache.iceberg.flink.maintenance.api.JdbcLockFactory;
import org.apache.iceberg.flink.maintenance.api.RewriteDataFiles;
import org.apache.iceberg.flink.maintenance.api.TableMaintenance;

/**
 * Iceberg's own table maintenance for the job's tables, through Iceberg's Flink maintenance API
 * ({@link TableMaintenance}): expire old snapshots, rewrite small data files into large ones and
 * delete orphan files, each table under a JDBC lock so that two jobs (or the job and
 * {@code sightline maintain}) never maintain one table at once.
 */
public final class WarehouseMaintenance {

    /**
     * When and how to maintain.
     *
     * @param expireAfter snapshots older than this are expired
     * @param retainLast snapshots always kept, however old
     * @param expireEveryCommits expire after this many commits
     * @param rewriteEveryFiles rewrite once this many new data files were committed
     * @param rewriteMinFiles a rewrite group needs at least this many files
     * @param targetFileBytes size of rewritten data files
     * @param orphanMinAge files unknown to the table and older than this are deleted
     * @param orphanEvery how often orphan files are looked for
     * @param rateLimit least time between two runs of one task, and the interval tables are watched at
     * @param lockUri JDBC URL of the lock's database
     */
    public record Settings(Duration expireAfter, int retainLast, int expireEveryCommits, int rewriteEveryFiles, int rewriteMinFiles,
            long targetFileBytes, Duration orphanMinAge, Duration orphanEvery, Duration rateLimit, String lockUri) implements Serializable {

        public Settings {
            if (lockUri == null || !lockUri.startsWith("jdbc:")) {
                throw new IllegalArgumentException("table maintenance needs a JDBC URL for its lock, not '" + lockUri + "'");
            }
        }

        /** The same settings with every task due at once: after the first commit, data file and check. */
        public Settings dueNow() {
            return new Settings(expireAfter, retainLast, 1, 1, rewriteMinFiles, targetFileBytes, orphanMinAge, Duration.ofSeconds(1),
                    Duration.ofSeconds(1), lockUri);
        }
    }

    /**
     * Most commits counted towards the schedules each time a table is looked at. Iceberg's monitor
     * applies its read-back bound to every look, not only the first: a bound below the commits made
     * between two looks (rate limit over checkpoint interval) silently slows every schedule down.
     * 1,000 covers checkpoints down to 60 ms at the default one-minute rate limit; at the first look
     * at a table with a long history, at most this many past commits are read.
     */
    static final int COMMITS_PER_LOOK = 1_000;

    private WarehouseMaintenance() {}

    /**
     * Starts every maintenance task over {@code tables} at once, in a local Flink environment of its
     * own ({@code sightline maintain}, and the final compaction of {@code bench soak}); the caller
     * decides when to cancel the returned job.
     */
    public static JobClient startOnce(IcebergCatalogSettings catalog, List<String> tables, Settings settings)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
        attach(env, catalog, tables, settings.dueNow());
        return env.executeAsync("sightline maintain");
    }

    /** Creates the lock's table once, here, rather than by every table's flow at once (they would race). */
    private static void createLockTable(String lockUri) {
        JdbcLockFactory init = new JdbcLockFactory(lockUri, "sightline", Map.of(JdbcLockFactory.INIT_LOCK_TABLES_PROPERTY, "true"));
        try {
            init.open();
            init.close();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot create the table maintenance lock in " + lockUri.replaceAll("password=[^&;]*", "password=***")
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds one maintenance flow per table to {@code env}; uids are {@code maintenance-<table>} based,
     * stable across upgrades.
     */
    public static void attach(StreamExecutionEnvironment env, IcebergCatalogSettings catalog, List<String> tables, Settings settings) {
        createLockTable(settings.lockUri());
        for (String table : tables) {
            TableLoader loader = TableLoader.fromCatalog(catalog.loader(), catalog.identifier(table));
            JdbcLockFactory lock = new JdbcLockFactory(settings.lockUri(), "sightline." + catalog.identifier(table), Map.of());
            try {
                TableMaintenance.forTable(env, loader, lock)
                        .uidSuffix("maintenance-" + table)
                        .rateLimit(settings.rateLimit())
                        .lockCheckDelay(Duration.ofSeconds(10))
                        .parallelism(1)
                        .maxReadBack(COMMITS_PER_LOOK)
                        .add(ExpireSnapshots.builder()
                                .scheduleOnCommitCount(settings.expireEveryCommits())
                                .maxSnapshotAge(settings.expireAfter())
                                .retainLast(settings.retainLast()))
                        .add(RewriteDataFiles.builder()
                                .scheduleOnDataFileCount(settings.rewriteEveryFiles())
                                .targetFileSizeBytes(settings.targetFileBytes())
                                .minInputFiles(settings.rewriteMinFiles())
                                .partialProgressEnabled(true)
                                .partialProgressMaxCommits(10))
                        .add(DeleteOrphanFiles.builder()
                                .scheduleOnInterval(settings.orphanEvery())
                                .minAge(settings.orphanMinAge()))
                        .append();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set up the maintenance of table " + table + ": " + e.getMessage(), e);
            }
        }
    }
}
