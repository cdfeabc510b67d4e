package dev.sightline.video;

import dev.sightline.sink.RowSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SORT tracking of a video's detections in frame order, one tracker per label. When the video
 * ends, each confirmed track is judged on its whole evidence ({@link TrackEvidence}, unless the
 * filter is off); the tracks kept get ids in the order they were confirmed, every detection is
 * written with the id of the kept track it belongs to (from its first detection on, before
 * confirmation too), and the kept tracks are written.
 */
final class DetectionTracking {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionTracking.class);

    private record Seen(long frame, double timeS, ObjectDetector.Detection detection, long serial, double moving) {}

    private final VideoEnd end;
    private final String videoId;
    private final DetectionSettings settings;
    private final RowSink sink;
    private final Map<String, SortTracker> trackers = new LinkedHashMap<>();
    private final long[] nextTrackId = {0};
    private final List<Seen> seen = new ArrayList<>();
    private long rejected;

    DetectionTracking(VideoEnd end, String videoId, DetectionSettings settings, RowSink sink) {
        this.end = end;
        this.videoId = videoId;
        this.settings = settings;
        this.sink = sink;
    }

    /** Takes the detections of the next sampled frame. */
    void frame(long frame, long timestampUs, List<ObjectDetector.Detection> detections) {
        double timeS = timestampUs / 1e6;
        Map<String, List<ObjectDetector.Detection>> byLabel = new LinkedHashMap<>();
        List<Box> movingBoxes = new ArrayList<>();
        for (ObjectDetector.Detection d : detections) {
            byLabel.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(d);
            if (d.label().equals(MovingRegions.LABEL)) {
                movingBoxes.add(d.box());
            }
        }
        for (String label : byLabel.keySet()) {
            trackers.computeIfAbsent(label, k -> new SortTracker(settings, nextTrackId));
        }
        for (Map.Entry<String, SortTracker> entry : trackers.entrySet()) {
            for (SortTracker.Assigned a : entry.getValue().update(byLabel.getOrDefault(entry.getKey(), List.of()), timeS)) {
                seen.add(new Seen(frame, timeS, a.detection(), a.serial(), moving(a.detection(), movingBoxes)));
            }
        }
    }

    /** Whether a moving region overlaps the detection (see {@link TrackEvidence#movingOverlap}); NaN when moving regions are not sought. */
    private double moving(ObjectDetector.Detection d, List<Box> movingBoxes) {
        if (!settings.movingObjects() || d.label().equals(MovingRegions.LABEL)) {
            return Double.NaN;
        }
        return TrackEvidence.movingOverlap(d.box(), movingBoxes);
    }

    /** Judges the confirmed tracks, writes the detections and the kept tracks; returns how many were kept. */
    long finish() {
        Map<String, TrackEvidence> evidence = new HashMap<>();
        for (Seen s : seen) {
            String key = s.detection().label() + "#" + s.serial();
            evidence.computeIfAbsent(key, k -> new TrackEvidence(s.detection().label()))
                    .add(s.timeS(), s.detection().box(), s.detection().score(), s.moving());
        }
        List<KalmanBoxTracker> confirmed = new ArrayList<>();
        trackers.values().forEach(t -> confirmed.addAll(t.confirmedTracks()));
        confirmed.sort((a, b) -> Long.compare(a.id, b.id));
        Map<String, Long> finalIds = new HashMap<>();
        List<KalmanBoxTracker> kept = new ArrayList<>();
        for (KalmanBoxTracker t : confirmed) {
            String key = t.label + "#" + t.serial;
            TrackEvidence e = evidence.get(key);
            TrackEvidence.Features f = e.features(end.height());
            boolean keep = !settings.trackFilter() || TrackVerdict.DEFAULTS.plausible(f);
            if (!keep) {
                LOG.debug("{}: {} track {} left out ({}): {}", end.object().uri(), t.label, t.id, TrackVerdict.DEFAULTS.reason(f), f);
            }
            if (keep) {
                finalIds.put(key, (long) kept.size());
                kept.add(t);
            } else {
                rejected++;
            }
        }
        for (Seen s : seen) {
            Box b = s.detection().box();
            long trackId = finalIds.getOrDefault(s.detection().label() + "#" + s.serial(), -1L);
            sink.add(VideoTables.DETECTIONS, new VideoRows.Detection(end.object().uri(), end.object().version(), videoId, s.frame(), s.timeS(),
                    s.detection().label(), s.detection().score(), b.x(), b.y(), b.width(), b.height(), trackId));
        }
        for (KalmanBoxTracker t : kept) {
            double n = Math.max(1, t.frames);
            sink.add(VideoTables.TRACKS, new VideoRows.Track(end.object().uri(), end.object().version(), videoId,
                    finalIds.get(t.label + "#" + t.serial), t.label, t.firstTimeS, t.lastTimeS, t.frames, t.sumX / n, t.sumY / n, t.sumW / n,
                    t.sumH / n, t.sumScore / n));
        }
        return kept.size();
    }

    /** Confirmed tracks the evidence rejected. */
    long rejected() {
        return rejected;
    }
}
