package dev.sightline.bench;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.job.LocalCluster;
import dev.sightline.job.SightlineJob;
import dev.sightline.sink.IcebergWarehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.data.Record;

/**
 * The whole Flink path for gaze files: the embedded job is running, two one-hour 1000 Hz
 * recordings (CSV and Tobii TSV) are dropped into its inbox at once, and the clock stops when
 * both are committed to Iceberg. Samples per second over that wall time.
 */
public final class GazePipelineBenchmark {

    private GazePipelineBenchmark() {}

    public static void run(PrintWriter out, Path workDir, double minutes, int parallelism) throws Exception {
        Path data = Files.createDirectories(workDir.resolve("pipeline"));
        SightlineConfig config = SightlineConfig.of(Map.of(
                ConfigKeys.DATA_DIR.name(), data.toString(),
                ConfigKeys.CHECKPOINT_INTERVAL.name(), "1s",
                ConfigKeys.INBOX_SCAN_INTERVAL.name(), "200ms",
                ConfigKeys.WEB_UI_PORT.name(), "0",
                ConfigKeys.PARALLELISM.name(), String.valueOf(parallelism)));
        Path staging = Files.createDirectories(workDir.resolve("staging"));
        GazeRecordingWriter writer = new GazeRecordingWriter();
        Path csv = staging.resolve("hour.csv");
        Path tsv = staging.resolve("hour.tsv");
        long samples = writer.write(csv, GazeRecordingWriter.Layout.CSV, minutes * 60, 1000, 1)
                + writer.write(tsv, GazeRecordingWriter.Layout.TOBII_TSV, minutes * 60, 1000, 2);
        long bytes = Files.size(csv) + Files.size(tsv);
        Path inbox = config.get(ConfigKeys.INBOX_PATH);
        try (LocalCluster cluster = LocalCluster.start(config);
                IcebergWarehouse warehouse = new IcebergWarehouse(SightlineJob.catalog(config))) {
            // Warm up: one small file through the whole path first.
            Path warm = staging.resolve("warm.csv");
            writer.write(warm, GazeRecordingWriter.Layout.CSV, 5, 1000, 3);
            awaitCommitted(warehouse, List.of(move(warm, inbox)), Duration.ofMinutes(2));

            long start = System.nanoTime();
            List<String> uris = List.of(move(csv, inbox), move(tsv, inbox));
            awaitCommitted(warehouse, uris, Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            long fixations = warehouse.rowCount("gaze_fixations");
            out.printf("Flink path (file dropped -> rows committed to Iceberg), parallelism %d, checkpoint every 1 s%n", parallelism);
            out.printf("  %,d samples in 2 files (%,.0f MB), %.2f s: %,.0f samples/s; %,d fixation rows committed%n",
                    samples, bytes / 1e6, seconds, samples / seconds, fixations);
            out.flush();
        }
    }

    private static String move(Path file, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        Path target = inbox.resolve(file.getFileName());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        return LocalPaths.toUri(target);
    }

    /** Waits until every URI has its ledger row committed. */
    static void awaitCommitted(IcebergWarehouse warehouse, List<String> uris, Duration timeout) throws Exception {
        Set<String> pending = new HashSet<>(uris);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not committed in time: " + pending);
            }
            Thread.sleep(100);
            for (Record row : warehouse.readAll("media_objects")) {
                pending.remove((String) row.getField("uri"));
            }
        }
    }
}
