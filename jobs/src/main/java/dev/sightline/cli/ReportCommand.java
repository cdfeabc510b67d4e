package dev.sightline.cli;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.RoutingObjectStore;
import dev.sightline.config.GazeConfig;
import dev.sightline.config.InputConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.job.SightlineJob;
import dev.sightline.report.Reports;
import dev.sightline.sink.IcebergWarehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sightline report}: a self-contained HTML report, with plots, of the warehouse's objects matching a filter. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a self-contained HTML report (plots drawn into the file; nothing is fetched when it is viewed) of the"
                + " analysed objects matching the filter: the latest version of each, newest first.",
            "Video: scene keyframes, a timeline of scenes and tracks, detections per second. Audio: the transcript with times and"
                + " sentiment, keywords, topics. Eye tracking: data quality, scanpath and heatmap over the stimulus, main sequence,"
                + " velocity trace with events, AOIs. Every object: its ledger row and dead letters.",
            "Exit code 0 when the report holds at least one object, 3 when nothing matched."})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--uri", paramLabel = "URI", description = "Only this object (media_objects.uri).")
    String uri;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "Only objects whose URI starts with this.")
    String prefix;

    @Option(names = "--media-type", paramLabel = "TYPE", description = "Only video, audio, gaze or unknown.")
    String mediaType;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only done, partial or failed objects.")
    String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many objects (default 50).")
    int limit;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", defaultValue = "sightline-report.html",
            description = "The HTML file to write (default sightline-report.html).")
    Path output;

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (mediaType != null && !mediaType.matches("video|audio|gaze|unknown")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--media-type must be video, audio, gaze or unknown, not '" + mediaType + "'");
        }
        if (status != null && !status.matches("done|partial|failed")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--status must be done, partial or failed, not '" + status + "'");
        }
        if (limit <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be positive");
        }
        SightlineConfig config = options.load();
        Reports.Report report = write(config, new Reports.Selection(uri, prefix, mediaType, status, limit), output);
        spec.commandLine().getErr().printf("Report of %d object(s) written to %s%n", report.objects(), output.toAbsolutePath().normalize());
        spec.commandLine().getErr().flush();
        return report.objects() == 0 ? 3 : 0;
    }

    /** Writes the report of {@code selection} to {@code file} (for the demo too). */
    static Reports.Report write(SightlineConfig config, Reports.Selection selection, Path file) throws Exception {
        try (IcebergWarehouse warehouse = new IcebergWarehouse(SightlineJob.catalog(config));
                ObjectStore store = RoutingObjectStore.factory(InputConfig.aws(config)).create()) {
            Reports.Report report = Reports.ofWarehouse(warehouse, store, GazeConfig.settings(config), selection);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, report.html(), StandardCharsets.UTF_8);
            return report;
        }
    }
}
