package dev.sightline.bench;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.sink.CollectedRows;
import dev.sightline.video.Box;
import dev.sightline.video.DetectionSettings;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.VideoAnalysis;
import dev.sightline.video.VideoRows;
import dev.sightline.video.VideoSettings;
import dev.sightline.video.VideoTables;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The object layer old and new, side by side: confirmed person and face tracks per minute on
 * footage without people (every one false), and recall of people hand-annotated on vtest.avi at
 * IoU ≥ 0.5, both of the detector's boxes and of the boxes of confirmed tracks.
 */
public final class DetectionBenchmark {

    /** An object layer to compare. */
    public record Layer(String name, DetectionSettings settings) {}

    private DetectionBenchmark() {}

    /** The old layer (Haar faces, every confirmed track kept) and the new one (the given settings: BlazeFace, the track filter). */
    public static List<Layer> oldAndNew(DetectionSettings configured) {
        return List.of(new Layer("old", configured.withFaces(DetectionSettings.HAAR, false).withMovingObjects(false)),
                new Layer("new", configured));
    }

    /** Runs both layers over the people-free clips and vtest.avi and prints the table. */
    public static void run(PrintWriter out, List<Path> peopleFree, Path vtest, Path annotations, List<Layer> layers) throws Exception {
        LocalObjectStore store = new LocalObjectStore();
        out.printf("%-34s %7s  %-5s %7s %7s %7s %12s%n", "footage without people", "minutes", "layer", "person", "face", "moving",
                "false/min");
        Map<String, double[]> totals = new HashMap<>();
        for (Path clip : peopleFree) {
            MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(clip));
            for (Layer layer : layers) {
                CollectedRows rows = analyse(store, object, layer);
                double minutes = minutes(rows);
                long people = tracks(rows, "person");
                long faces = tracks(rows, "face");
                long moving = tracks(rows, "moving-object");
                out.printf("%-34s %7.2f  %-5s %7d %7d %7d %12.1f%n", clip.getFileName(), minutes, layer.name(), people, faces, moving,
                        (people + faces) / minutes);
                double[] t = totals.computeIfAbsent(layer.name(), k -> new double[3]);
                t[0] += minutes;
                t[1] += people;
                t[2] += faces;
                out.flush();
            }
        }
        for (Layer layer : layers) {
            double[] t = totals.get(layer.name());
            if (t != null) {
                out.printf("%-34s %7.2f  %-5s %7d %7d %7s %12.1f%n", "all", t[0], layer.name(), (long) t[1], (long) t[2], "",
                        (t[1] + t[2]) / t[0]);
            }
        }
        if (vtest == null || !Files.exists(vtest)) {
            out.println("vtest.avi not found: no recall measured");
            return;
        }
        Map<Long, List<Box>> truth = annotations(annotations);
        out.printf("%nvtest.avi, %d people hand-annotated on frames %s: recall at IoU >= 0.5%n", truth.values().stream().mapToInt(List::size).sum(),
                truth.keySet().stream().sorted().toList());
        out.printf("%-5s %12s %14s %14s%n", "layer", "detector", "tracked boxes", "person tracks");
        MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(vtest));
        for (Layer layer : layers) {
            CollectedRows rows = analyse(store, object, layer);
            List<VideoRows.Detection> people = rows.of(VideoTables.DETECTIONS).stream().filter(d -> d.label().equals("person")).toList();
            out.printf("%-5s %12.2f %14.2f %14d%n", layer.name(), recall(truth, people, false), recall(truth, people, true),
                    tracks(rows, "person"));
            out.flush();
        }
    }

    private static CollectedRows analyse(LocalObjectStore store, MediaObject object, Layer layer) {
        CollectedRows rows = new CollectedRows();
        VideoAnalysis.analyze(store, object, new VideoSettings(256, SceneSettings.DEFAULTS, layer.settings(), null), rows);
        return rows;
    }

    private static double minutes(CollectedRows rows) {
        VideoRows.Summary summary = rows.of(VideoTables.SUMMARY).get(0);
        return summary.framesDecoded() / Math.max(1e-9, summary.fps()) / 60;
    }

    private static long tracks(CollectedRows rows, String label) {
        return rows.of(VideoTables.TRACKS).stream().filter(t -> t.label().equals(label)).count();
    }

    /** Share of the annotated people that a box (of a confirmed track, if {@code tracked}) overlaps at IoU ≥ 0.5. */
    private static double recall(Map<Long, List<Box>> truth, List<VideoRows.Detection> detections, boolean tracked) {
        int found = 0;
        int total = 0;
        for (Map.Entry<Long, List<Box>> frame : truth.entrySet()) {
            List<Box> boxes = detections.stream().filter(d -> d.frame() == frame.getKey() && (!tracked || d.trackId() >= 0))
                    .map(d -> new Box(d.x(), d.y(), d.width(), d.height())).toList();
            for (Box person : frame.getValue()) {
                total++;
                if (boxes.stream().anyMatch(b -> b.iou(person) >= 0.5)) {
                    found++;
                }
            }
        }
        return total == 0 ? Double.NaN : found / (double) total;
    }

    /** Boxes per frame from a CSV of {@code frame,x,y,width,height} ({@code #} comments). */
    static Map<Long, List<Box>> annotations(Path file) throws IOException {
        Map<Long, List<Box>> byFrame = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("frame")) {
                continue;
            }
            String[] f = line.split(",");
            byFrame.computeIfAbsent(Long.parseLong(f[0].trim()), k -> new ArrayList<>()).add(new Box(Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
        }
        return byFrame;
    }
}
