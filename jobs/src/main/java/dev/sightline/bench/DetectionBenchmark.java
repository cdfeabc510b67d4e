package dev.sightline.bench;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.sink.CollectedRows;
import dev.sightline.video.Box;
import dev.sightline.video.DetectionSettings;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.TrackEvidence;
import dev.sightline.video.TrackVerdict;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The object layer old and new, side by side: confirmed person and face tracks per minute on
 * public footage without people (every one false), and recall of people hand-annotated on
 * vtest.avi at IoU ≥ 0.5, of the detector's boxes and of the boxes of kept tracks. The old layer
 * is HOG people and Haar faces with every confirmed track kept; the new one BlazeFace faces,
 * moving regions and the track filter ({@link TrackVerdict#DEFAULTS}). The filter's thresholds are
 * also chosen again by leave-one-clip-out cross-validation over the people-free clips (fewest
 * false tracks on the others, vtest recall of kept tracks kept at 0.72 or more), and each
 * held-out clip's false tracks are reported with the setting chosen without it.
 */
public final class DetectionBenchmark {

    /** The recall the filter must keep on vtest.avi. */
    public static final double MIN_RECALL = 0.72;

    /** A clip's confirmed tracks by {@code label#track_id}. */
    private record Clip(String name, double minutes, Map<String, TrackEvidence.Features> tracks) {}

    private record Analysed(CollectedRows rows, Clip clip) {}

    private DetectionBenchmark() {}

    /** Runs both layers over the people-free clips and vtest.avi and prints the tables. */
    public static void run(PrintWriter out, List<Path> peopleFree, Path vtest, Path annotations, DetectionSettings configured) throws Exception {
        DetectionSettings old = configured.withFaces(DetectionSettings.HAAR, false).withMovingObjects(false);
        DetectionSettings unfiltered = configured.withFaces(DetectionSettings.BLAZEFACE, false).withMovingObjects(true);
        LocalObjectStore store = new LocalObjectStore();
        List<Clip> before = new ArrayList<>();
        List<Clip> after = new ArrayList<>();
        for (Path file : peopleFree) {
            MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(file));
            before.add(analyse(store, object, old).clip());
            after.add(analyse(store, object, unfiltered).clip());
        }
        if (vtest == null || !Files.exists(vtest)) {
            out.println("vtest.avi not found: no recall, so no filter can be chosen");
            return;
        }
        Map<Long, List<Box>> truth = annotations(annotations);
        MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(vtest));
        Analysed vtestBefore = analyse(store, object, old);
        Analysed vtestAfter = analyse(store, object, unfiltered);
        List<TrackVerdict> grid = grid();
        Map<TrackVerdict, Double> recalls = new HashMap<>();
        for (TrackVerdict v : grid) {
            recalls.put(v, recall(truth, vtestAfter.rows(), vtestAfter.clip(), v));
        }
        TrackVerdict chosen = choose(grid, recalls, after, null);
        out.printf("the filter chosen on all clips (total face height travel moving): %s; TrackVerdict.DEFAULTS %s%n%n", describe(chosen),
                chosen.equals(TrackVerdict.DEFAULTS) ? "is the same" : "differs: " + describe(TrackVerdict.DEFAULTS));

        out.printf("%-28s %7s  %-5s %7s %7s %7s %10s%n", "footage without people", "minutes", "layer", "person", "face", "moving",
                "false/min");
        double[] totals = new double[5]; // minutes, old people, old faces, new people, new faces
        for (int i = 0; i < after.size(); i++) {
            Clip b = before.get(i);
            Clip a = after.get(i);
            long oldPeople = count(b.tracks(), "person", TrackVerdict.KEEP_ALL);
            long oldFaces = count(b.tracks(), "face", TrackVerdict.KEEP_ALL);
            long newPeople = count(a.tracks(), "person", chosen);
            long newFaces = count(a.tracks(), "face", chosen);
            out.printf("%-28s %7.2f  %-5s %7d %7d %7s %10.1f%n", a.name(), a.minutes(), "old", oldPeople, oldFaces, "",
                    (oldPeople + oldFaces) / a.minutes());
            out.printf("%-28s %7.2f  %-5s %7d %7d %7d %10.1f%n", "", a.minutes(), "new", newPeople, newFaces,
                    count(a.tracks(), "moving-object", chosen), (newPeople + newFaces) / a.minutes());
            totals[0] += a.minutes();
            totals[1] += oldPeople;
            totals[2] += oldFaces;
            totals[3] += newPeople;
            totals[4] += newFaces;
        }
        out.printf("%-28s %7.2f  %-5s %7d %7d %7s %10.1f%n", "all", totals[0], "old", (long) totals[1], (long) totals[2], "",
                (totals[1] + totals[2]) / totals[0]);
        out.printf("%-28s %7.2f  %-5s %7d %7d %7s %10.1f%n", "", totals[0], "new", (long) totals[3], (long) totals[4], "",
                (totals[3] + totals[4]) / totals[0]);

        out.printf("%nvtest.avi, %d people hand-annotated on frames %s: recall at IoU >= 0.5%n",
                truth.values().stream().mapToInt(List::size).sum(), new TreeMap<>(truth).keySet());
        out.printf("%-5s %10s %14s %14s%n", "layer", "detector", "tracked boxes", "person tracks");
        out.printf("%-5s %10.2f %14.2f %14d%n", "old", recall(truth, vtestBefore.rows(), null, TrackVerdict.KEEP_ALL),
                recall(truth, vtestBefore.rows(), vtestBefore.clip(), TrackVerdict.KEEP_ALL),
                count(vtestBefore.clip().tracks(), "person", TrackVerdict.KEEP_ALL));
        out.printf("%-5s %10.2f %14.2f %14d%n", "new", recall(truth, vtestAfter.rows(), null, chosen),
                recall(truth, vtestAfter.rows(), vtestAfter.clip(), chosen), count(vtestAfter.clip().tracks(), "person", chosen));

        out.printf("%nleave-one-clip-out: the filter chosen on the other clips (fewest false tracks, vtest recall >= %.2f)%n", MIN_RECALL);
        out.printf("%-28s %-30s %8s %8s %10s%n", "held out", "chosen: total face height travel moving", "recall", "false", "false/min");
        double minutes = 0;
        long falseTracks = 0;
        for (Clip held : after) {
            TrackVerdict v = choose(grid, recalls, after, held);
            if (v == null) {
                out.printf("%-28s no setting keeps the recall%n", held.name());
                continue;
            }
            long f = count(held.tracks(), "person", v) + count(held.tracks(), "face", v);
            minutes += held.minutes();
            falseTracks += f;
            out.printf("%-28s %-30s %8.2f %8d %10.1f%n", held.name(), describe(v), recalls.get(v), f, f / held.minutes());
        }
        out.printf("%-28s %-30s %8s %8d %10.1f%n", "held out, all", "", "", falseTracks, falseTracks / Math.max(1e-9, minutes));
        out.flush();
    }

    /** The settings tried, loosest first along every threshold. */
    private static List<TrackVerdict> grid() {
        List<TrackVerdict> grid = new ArrayList<>();
        for (double total : new double[] {0, 2, 3, 4, 5, 6, 8}) {
            for (double faceTotal : new double[] {0, 1, 2, 3}) {
                for (double height : new double[] {Double.POSITIVE_INFINITY, 0.5, 0.3, 0.2}) {
                    for (double travel : new double[] {0, 0.1, 0.25, 0.5, 1}) {
                        for (double moving : new double[] {0, 0.05, 0.1, 0.2, 0.3}) {
                            grid.add(new TrackVerdict(total, faceTotal, height, travel, moving));
                        }
                    }
                }
            }
        }
        return grid;
    }

    /**
     * The setting with the fewest false tracks on the clips other than {@code heldOut} (all when
     * null) among those that keep vtest's recall; ties go to the better recall, then to the loosest.
     */
    private static TrackVerdict choose(List<TrackVerdict> grid, Map<TrackVerdict, Double> recalls, List<Clip> clips, Clip heldOut) {
        TrackVerdict best = null;
        long bestFalse = Long.MAX_VALUE;
        for (TrackVerdict v : grid) {
            if (recalls.get(v) < MIN_RECALL) {
                continue;
            }
            long f = 0;
            for (Clip c : clips) {
                if (c != heldOut) {
                    f += count(c.tracks(), "person", v) + count(c.tracks(), "face", v);
                }
            }
            if (f < bestFalse || (f == bestFalse && recalls.get(v) > recalls.get(best))) {
                best = v;
                bestFalse = f;
            }
        }
        return best;
    }

    private static String describe(TrackVerdict v) {
        return String.format(java.util.Locale.ROOT, "%.0f %.0f %s %.2f %.2f", v.minTotalScore(), v.minFaceTotalScore(),
                Double.isInfinite(v.maxHeightVariation()) ? "-" : String.format(java.util.Locale.ROOT, "%.1f", v.maxHeightVariation()),
                v.minTravelHeights(), v.minMovingShare());
    }

    private static Analysed analyse(LocalObjectStore store, MediaObject object, DetectionSettings settings) {
        CollectedRows rows = new CollectedRows();
        VideoAnalysis.analyze(store, object, new VideoSettings(256, SceneSettings.DEFAULTS, settings, null), rows);
        VideoRows.Summary summary = rows.of(VideoTables.SUMMARY).get(0);
        double minutes = summary.framesDecoded() / Math.max(1e-9, summary.fps()) / 60;
        return new Analysed(rows, new Clip(Path.of(object.uri()).getFileName().toString(), minutes,
                features(rows, summary.height(), settings.movingObjects())));
    }

    /** The figures of every confirmed track, from the rows as the job writes them (filter off: every confirmed track has its id). */
    static Map<String, TrackEvidence.Features> features(CollectedRows rows, double frameHeight, boolean moving) {
        Map<Long, List<Box>> movingByFrame = new HashMap<>();
        for (VideoRows.Detection d : rows.of(VideoTables.DETECTIONS)) {
            if (d.label().equals("moving-object")) {
                movingByFrame.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(new Box(d.x(), d.y(), d.width(), d.height()));
            }
        }
        Map<String, TrackEvidence> tracks = new LinkedHashMap<>();
        for (VideoRows.Detection d : rows.of(VideoTables.DETECTIONS)) {
            if (d.trackId() < 0) {
                continue;
            }
            Box box = new Box(d.x(), d.y(), d.width(), d.height());
            double overlap = !moving || d.label().equals("moving-object") ? Double.NaN
                    : TrackEvidence.movingOverlap(box, movingByFrame.getOrDefault(d.frame(), List.of()));
            tracks.computeIfAbsent(d.label() + "#" + d.trackId(), k -> new TrackEvidence(d.label())).add(d.timeS(), box, d.score(), overlap);
        }
        Map<String, TrackEvidence.Features> out = new LinkedHashMap<>();
        tracks.forEach((key, evidence) -> out.put(key, evidence.features(frameHeight)));
        return out;
    }

    private static long count(Map<String, TrackEvidence.Features> tracks, String label, TrackVerdict verdict) {
        return tracks.values().stream().filter(f -> f.label().equals(label) && verdict.plausible(f)).count();
    }

    /**
     * Share of the annotated people that a person box overlaps at IoU ≥ 0.5: any box the detector
     * gave ({@code clip} null), or a box of a track the verdict keeps.
     */
    private static double recall(Map<Long, List<Box>> truth, CollectedRows rows, Clip clip, TrackVerdict verdict) {
        Map<Long, Boolean> kept = new HashMap<>();
        if (clip != null) {
            clip.tracks().forEach((key, f) -> {
                if (f.label().equals("person")) {
                    kept.put(Long.parseLong(key.substring(key.indexOf('#') + 1)), verdict.plausible(f));
                }
            });
        }
        int found = 0;
        int total = 0;
        for (Map.Entry<Long, List<Box>> frame : truth.entrySet()) {
            List<Box> boxes = rows.of(VideoTables.DETECTIONS).stream()
                    .filter(d -> d.frame() == frame.getKey() && d.label().equals("person"))
                    .filter(d -> clip == null || kept.getOrDefault(d.trackId(), false))
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
