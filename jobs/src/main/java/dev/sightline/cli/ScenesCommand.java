package dev.sightline.cli;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.config.SightlineConfig;
import dev.sightline.config.VideoConfig;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.job.SightlineJob;
import dev.sightline.scenelist.Cmx3600Edl;
import dev.sightline.scenelist.OtioTimeline;
import dev.sightline.scenelist.SceneList;
import dev.sightline.scenelist.SceneListCsv;
import dev.sightline.sink.CollectedRows;
import dev.sightline.sink.IcebergWarehouse;
import dev.sightline.video.DetectionSettings;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.VideoAnalysis;
import dev.sightline.video.VideoRows;
import dev.sightline.video.VideoSettings;
import dev.sightline.video.VideoTables;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sightline scenes}: a video's scene list as CSV, CMX 3600 EDL or OpenTimelineIO, from a
 * local file (scenes only, no detection) or from the warehouse's {@code video_scenes} for a video id.
 */
@Command(name = "scenes", mixinStandardHelpOptions = true,
        description = {"Write a video's scenes as PySceneDetect's list-scenes CSV, a CMX 3600 EDL or an OpenTimelineIO timeline.",
            "Give a local FILE (its scenes are detected now, without people or faces) or --video-id to read them from the warehouse.",
            "Times are presentation times, so variable frame rate video keeps its real timing; EDL timecodes are non-drop-frame"
                + " at the stream's nominal rate."})
final class ScenesCommand implements Callable<Integer> {

    /** The formats written. */
    enum Format { csv, edl, otio }

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A local video.")
    Path file;

    @Option(names = "--video-id", paramLabel = "ID", description = "Read the scenes of this video (video_scenes.video_id) from the warehouse.")
    String videoId;

    @Option(names = "--format", defaultValue = "csv", description = "One of ${COMPLETION-CANDIDATES} (default csv).")
    Format format;

    @Option(names = "--detector", paramLabel = "NAME",
            description = "Scene detector whose scenes are written: content or adaptive (default: the first of video.scene.detectors).")
    String detector;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Write to this file instead of the console.")
    Path output;

    @Option(names = "--skip-cuts", description = "CSV: leave out the leading row of cut timecodes (PySceneDetect's --skip-cuts).")
    boolean skipCuts;

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((file == null) == (videoId == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either a FILE or --video-id");
        }
        SightlineConfig config = options.load();
        VideoSettings configured = VideoConfig.settings(config);
        if (detector == null) {
            detector = configured.scenes().detectors().get(0);
        } else if (!detector.equals("content") && !detector.equals("adaptive")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown scene detector '" + detector + "' (content, adaptive)");
        }
        SceneList list;
        try {
            list = file != null ? fromFile(configured) : fromWarehouse(config);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("sightline scenes: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 3;
        }
        String text = switch (format) {
            case csv -> SceneListCsv.write(list, !skipCuts);
            case edl -> Cmx3600Edl.write(list);
            case otio -> OtioTimeline.write(list);
        };
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            spec.commandLine().getErr().printf("%d scenes of %s written to %s%n", list.scenes().size(), list.name(), output);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        return 0;
    }

    private SceneList fromFile(VideoSettings configured) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        SceneSettings s = configured.scenes();
        SceneSettings one = new SceneSettings(List.of(detector), s.threshold(), s.minSceneFrames(), s.adaptiveThreshold(), s.adaptiveWindow(),
                s.adaptiveMinContent());
        VideoSettings scenesOnly = new VideoSettings(configured.analysisWidth(), one, DetectionSettings.OFF, null, configured.analysis());
        try (LocalObjectStore store = new LocalObjectStore()) {
            MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(file));
            CollectedRows rows = new CollectedRows();
            var outcome = VideoAnalysis.analyze(store, object, scenesOnly, rows);
            if (outcome.status() == ObjectStatus.FAILED) {
                throw new IllegalArgumentException(file + " could not be analysed: " + outcome.error());
            }
            VideoRows.Summary summary = rows.of(VideoTables.SUMMARY).stream().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + " is not a video"));
            return SceneList.of(file.getFileName().toString(), object.uri(), summary.fps(), summary.durationS(), rows.of(VideoTables.SCENES),
                    detector);
        }
    }

    private SceneList fromWarehouse(SightlineConfig config) throws Exception {
        try (IcebergWarehouse warehouse = new IcebergWarehouse(SightlineJob.catalog(config))) {
            Expression ofVideo = Expressions.equal("video_id", videoId);
            List<Record> summaries = warehouse.read(VideoTables.SUMMARY.name(), ofVideo);
            if (summaries.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no video " + videoId + " in " + VideoTables.SUMMARY.name());
            }
            Record summary = summaries.get(0);
            List<VideoRows.Scene> scenes = warehouse.read(VideoTables.SCENES.name(), ofVideo).stream()
                    .map(ScenesCommand::scene)
                    .toList();
            String uri = (String) summary.getField("uri");
            String name = uri.substring(uri.lastIndexOf('/') + 1);
            Double fps = (Double) summary.getField("fps");
            Double duration = (Double) summary.getField("duration_s");
            return SceneList.of(name, uri, fps == null ? Double.NaN : fps, duration == null ? 0 : duration, scenes, detector);
        }
    }

    private static VideoRows.Scene scene(Record r) {
        return new VideoRows.Scene((String) r.getField("uri"), (String) r.getField("version"), (String) r.getField("video_id"),
                (String) r.getField("detector"), (Long) r.getField("scene_index"), (Long) r.getField("start_frame"),
                (Long) r.getField("end_frame"), number(r.getField("start_time_s")), number(r.getField("end_time_s")),
                number(r.getField("cut_score")), (String) r.getField("keyframe_uri"));
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : (Double) value;
    }
}
