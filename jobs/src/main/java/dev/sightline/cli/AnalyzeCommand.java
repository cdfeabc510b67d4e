package dev.sightline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sightline.attention.AnalysedPairs;
import dev.sightline.attention.JoinSettings;
import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.gaze.GazeSettings;
import dev.sightline.ingest.MediaRouter;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.config.AudioConfig;
import dev.sightline.config.GazeConfig;
import dev.sightline.config.OffloadConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.config.VideoConfig;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.AnalysisResult;
import dev.sightline.job.OneShotAnalysis;
import dev.sightline.job.TaskWorker;
import dev.sightline.offload.ResultDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code sightline analyze FILE...}: analyses local files once, without the streaming job, and
 * prints what the job would write for each; recordings given with the videos they showed
 * ({@code analyze RECORDING VIDEO}) are joined with them as the job's gaze-video join would.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse local files once, without the streaming job.",
            "Gaze recordings given with videos are joined with the video their link names (with one video given: with it),"
                + " adding gaze_object_hits, gaze_track_attention, gaze_scene_attention and video_attention.",
            "Exit code 0 when every file was analysed completely, 3 when any failed or was partial (its dead letters are printed)."})
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Recordings to analyse.")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON document per file: a member per table, holding the rows the job would write.")
    boolean json;

    @Option(names = "--compact", description = "With --json: one document per line (JSON Lines).")
    boolean compact;

    @Option(names = "--report", paramLabel = "PATH", description = "Also write an HTML report with plots of these files to PATH.")
    Path report;

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SightlineConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        if (!compact) {
            mapper.enable(SerializationFeature.INDENT_OUTPUT);
        }
        boolean anyFailed = false;
        try (LocalObjectStore store = new LocalObjectStore()) {
            ObjectInspector inspector = new ObjectInspector(store);
            List<MediaObject> objects = files.stream().map(file -> inspector.inspect(LocalPaths.toUri(file))).toList();
            List<String> videos = objects.stream().filter(o -> MediaRouter.routeOf(o) == MediaType.VIDEO).map(MediaObject::uri).toList();
            JoinSettings join = GazeConfig.join(config);
            GazeSettings gaze = join == null ? GazeConfig.settings(config) : AnalysedPairs.withFallback(GazeConfig.settings(config), videos);
            List<AnalysisResult> results = new ArrayList<>();
            try (OneShotAnalysis analysis = new OneShotAnalysis(store, gaze, VideoConfig.settings(config), AudioConfig.settings(config))) {
                if (OffloadConfig.enabled(config)) {
                    analysis.withOffload(OffloadConfig.plan(config, TaskWorker.inTask(config)));
                }
                ProgressConsole console = new ProgressConsole(spec.commandLine().getErr(), ProgressConsole.onTerminal(), objects.size());
                analysis.withProgress(console);
                for (MediaObject object : objects) {
                    long started = System.nanoTime();
                    console.starting(object.uri(), object.mediaType().label());
                    AnalysisResult result = analysis.analyze(object);
                    console.finished(object.uri(), object.mediaType().label(), result.outcome().status().label(),
                            (System.nanoTime() - started) / 1e9);
                    results.add(result);
                }
            }
            if (join != null && !videos.isEmpty()) {
                AnalysedPairs.join(results, join);
            }
            if (report != null) {
                java.nio.file.Files.writeString(report, dev.sightline.report.Reports.ofResults(results, store, gaze).html());
                spec.commandLine().getErr().println("Report written to " + report.toAbsolutePath().normalize());
            }
            for (AnalysisResult result : results) {
                anyFailed |= result.outcome().status() != ObjectStatus.DONE;
                if (json) {
                    out.println(mapper.writeValueAsString(ResultDocument.of(result)));
                } else {
                    out.println(summary(result));
                }
            }
        }
        out.flush();
        return anyFailed ? 3 : 0;
    }

    private static String summary(AnalysisResult result) {
        MediaObject object = result.outcome().object();
        String head = String.format("%s%n  media type: %s (%s)%n  size:       %,d bytes%n  sha256:     %s%n  status:     %s",
                object.uri(), object.mediaType().label(), object.format().label(), object.sizeBytes(),
                object.sha256(), result.outcome().status().label());
        StringBuilder text = new StringBuilder(head);
        if (result.outcome().error() != null) {
            text.append(String.format("%n  error:      %s: %s", result.outcome().errorClass(), result.outcome().error()));
        }
        for (AnalysisResult.TableRows table : result.tables()) {
            if (!table.table().equals("media_objects") && !table.rows().isEmpty()) {
                text.append(String.format("%n  %-19s %d row%s", table.table() + ":", table.rows().size(), table.rows().size() == 1 ? "" : "s"));
            }
        }
        return text.toString();
    }
}
