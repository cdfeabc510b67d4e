package dev.sightline.bench;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.sink.CollectedRows;
import dev.sightline.video.Box;
import dev.sightline.video.DetectionSettings;
import dev.sightline.video.ObjectDetector;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.SortTracker;
import dev.sightline.video.VideoAnalysis;
import dev.sightline.video.VideoRows;
import dev.sightline.video.VideoSettings;
import dev.sightline.video.VideoTables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tracker settings compared on one video's detections: the video is analysed once, then its
 * detections are replayed through SORT with each setting, counting tracks and the fragmentations
 * one can observe without identity labels (a track that ends and a new one that starts close by
 * within a second: the same person given a new id).
 */
public final class TrackingBenchmark {

    private static final double REACQUIRE_S = 1.0;

    private TrackingBenchmark() {}

    /** A tracker setting to compare. */
    public record Setting(int maxAgeFrames, int minHits) {}

    private record Span(double firstS, double lastS, Box first, Box last) {}

    public static void run(PrintWriter out, Path video, DetectionSettings detection, List<Setting> settings) throws Exception {
        LocalObjectStore store = new LocalObjectStore();
        MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(video));
        CollectedRows rows = new CollectedRows();
        out.printf("Detecting in %s at %.0f frames/s, %d px wide (once)...%n", video.getFileName(), detection.framesPerSecond(), detection.detectionWidth());
        out.flush();
        long start = System.nanoTime();
        VideoAnalysis.analyze(store, object, new VideoSettings(256, SceneSettings.DEFAULTS, detection, null), rows);
        out.printf("%d detections in %.0f s%n%n", rows.of(VideoTables.DETECTIONS).size(), (System.nanoTime() - start) / 1e9);
        TreeMap<Long, List<VideoRows.Detection>> byFrame = new TreeMap<>();
        for (VideoRows.Detection d : rows.of(VideoTables.DETECTIONS)) {
            byFrame.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
        }
        out.printf("%-8s %-8s %-8s %8s %10s %12s %14s%n", "label", "max age", "min hits", "tracks", "tracks>=2s", "median s", "re-acquired");
        for (String label : labels(rows.of(VideoTables.DETECTIONS))) {
            for (Setting setting : settings) {
                List<Span> spans = replay(byFrame, label, detection.withTracking(setting.maxAgeFrames(), setting.minHits()));
                double[] durations = spans.stream().mapToDouble(s -> s.lastS() - s.firstS()).sorted().toArray();
                out.printf("%-8s %-8d %-8d %8d %10d %12.1f %14d%n", label, setting.maxAgeFrames(), setting.minHits(), spans.size(),
                        spans.stream().filter(s -> s.lastS() - s.firstS() >= 2).count(),
                        durations.length == 0 ? 0 : durations[durations.length / 2], reacquired(spans));
            }
        }
        out.flush();
    }

    private static List<String> labels(List<VideoRows.Detection> detections) {
        return detections.stream().map(VideoRows.Detection::label).distinct().sorted().toList();
    }

    private static List<Span> replay(TreeMap<Long, List<VideoRows.Detection>> byFrame, String label, DetectionSettings settings) {
        SortTracker tracker = new SortTracker(settings, new long[] {0});
        Map<Long, Span> spans = new LinkedHashMap<>();
        for (List<VideoRows.Detection> frame : byFrame.values()) {
            double timeS = frame.get(0).timeS();
            List<ObjectDetector.Detection> detections = frame.stream().filter(d -> d.label().equals(label))
                    .map(d -> new ObjectDetector.Detection(d.label(), d.score(), new Box(d.x(), d.y(), d.width(), d.height()))).toList();
            for (SortTracker.Assigned a : tracker.update(detections, timeS)) {
                if (a.trackId() < 0) {
                    continue;
                }
                Box box = a.detection().box();
                spans.merge(a.trackId(), new Span(timeS, timeS, box, box), (was, now) -> new Span(was.firstS(), timeS, was.first(), box));
            }
        }
        return new ArrayList<>(spans.values());
    }

    /** Tracks that begin within a second of another's end, near where it was last seen. */
    private static long reacquired(List<Span> spans) {
        long count = 0;
        for (Span later : spans) {
            for (Span earlier : spans) {
                double gap = later.firstS() - earlier.lastS();
                if (earlier != later && gap > 0 && gap <= REACQUIRE_S && near(earlier.last(), later.first())) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static boolean near(Box a, Box b) {
        double dx = (a.x() + a.width() / 2) - (b.x() + b.width() / 2);
        double dy = (a.y() + a.height() / 2) - (b.y() + b.height() / 2);
        return Math.hypot(dx, dy) <= Math.max(a.width(), b.width());
    }
}
