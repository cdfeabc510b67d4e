package dev.sightline.cli;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.demo.DemoSamples;
import dev.sightline.report.Reports;
import dev.sightline.job.LocalCluster;
import dev.sightline.job.SightlineJob;
import dev.sightline.sink.IcebergWarehouse;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.TableDefinition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.iceberg.data.Record;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sightline demo}: generates sample recordings into the inbox, runs the embedded job until
 * all of them are committed, prints a line per object and the row count of every table, and writes their HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate sample recordings, run the job on them until committed, print what landed.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "Give up when the samples are not all committed after this long (ISO-8601, default PT5M).")
    Duration timeout;

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Commit often so the demo shows results quickly, and describe the sample gaze recording's
        // screen with two areas of interest; the file and --set still win.
        SightlineConfig config = options.load(Map.of(
                ConfigKeys.CHECKPOINT_INTERVAL.name(), "2s",
                ConfigKeys.GAZE_SCREEN_WIDTH_PX.name(), "1024",
                ConfigKeys.GAZE_SCREEN_HEIGHT_PX.name(), "768",
                ConfigKeys.GAZE_AOI_PREFIX + "left-half", "rect 0 0 512 768",
                ConfigKeys.GAZE_AOI_PREFIX + "right-half", "rect 512 0 512 768"));
        PrintWriter out = spec.commandLine().getOut();
        // The demo prints its own line per object; the job's log line per object would repeat it.
        Configurator.setLevel("dev.sightline.job.OutcomeMetrics", Level.WARN);
        String batch = "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path folder = config.get(ConfigKeys.INBOX_PATH).resolve(batch);
        out.println("Writing sample recordings to " + folder.toAbsolutePath().normalize());
        out.flush();
        Set<String> samples = Set.copyOf(DemoSamples.write(folder));
        Set<String> pending = new HashSet<>(samples);
        int expected = pending.size();

        try (LocalCluster local = LocalCluster.start(config);
                IcebergWarehouse warehouse = new IcebergWarehouse(SightlineJob.catalog(config))) {
            out.println("Flink web UI: " + local.webUi() + "  (job is running; results commit at each checkpoint)");
            local.metrics().ifPresent(metrics -> out.println("Metrics for Prometheus: " + metrics));
            LogFile.path().ifPresent(log -> out.println("Log file (libraries included): " + log));
            out.flush();
            Instant deadline = Instant.now().plus(timeout);
            while (!pending.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    out.println("Timed out after " + timeout + " with " + pending.size() + " of " + expected + " samples not committed.");
                    return 1;
                }
                if (local.job().getJobStatus().get().isGloballyTerminalState()) {
                    out.println("The job stopped before all samples were committed: " + local.job().getJobStatus().get());
                    return 1;
                }
                Thread.sleep(500);
                for (Record row : warehouse.readAll(LedgerTables.MEDIA_OBJECTS.name())) {
                    String uri = (String) row.getField("uri");
                    if (pending.remove(uri)) {
                        out.println(progressLine(row));
                        out.flush();
                    }
                }
            }
            out.println();
            out.println("All " + expected + " samples committed. Rows per table:");
            for (TableDefinition<?> table : SightlineJob.graph(config).tables()) {
                out.printf("  %-16s %d%n", table.name(), warehouse.rowCount(table.name()));
            }
            for (Record transcript : warehouse.readAll("audio_transcripts")) {
                if (samples.contains((String) transcript.getField("uri"))) { // this run's, not an earlier demo's
                    out.println("Heard in " + fileName((String) transcript.getField("uri")) + ": \"" + transcript.getField("text") + "\"");
                }
            }
            out.println("Query them with: ./sightline sql \"select media_type, status, count(*) from media_objects group by media_type, status\"");
            Path report = config.get(ConfigKeys.INBOX_PATH).toAbsolutePath().normalize().getParent().resolve("reports").resolve(batch + ".html");
            ReportCommand.write(config, new Reports.Selection(null, LocalPaths.toUri(folder) + "/", null, null, expected), report);
            out.println("Report with plots (open it in a browser): " + report);
            out.flush();
            // Closing the cluster aborts the checkpoint in flight, and Flink reports that (a warning, at
            // times an error from a coordinator that had not seen the checkpoint yet): everything is
            // committed by now, so the demo's shutdown is quiet.
            Configurator.setLevel("org.apache.flink", Level.OFF);
        }
        return 0;
    }

    private static String fileName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String progressLine(Record row) {
        OffsetDateTime received = (OffsetDateTime) row.getField("received_at");
        OffsetDateTime processed = (OffsetDateTime) row.getField("processed_at");
        double seconds = Duration.between(received, processed).toMillis() / 1000.0;
        String uri = (String) row.getField("uri");
        String error = (String) row.getField("error");
        return String.format("  %-7s %-7s %6.2f s  %s%s", row.getField("media_type"), row.getField("status"), seconds,
                uri.substring(uri.lastIndexOf('/') + 1), error == null ? "" : "  (" + error + ")");
    }
}
