package dev.sightline.video;

import dev.sightline.sink.RowSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SORT tracking of a video's detections in frame order, one tracker per label: writes each
 * detection with its track id as it is matched, and the confirmed tracks when the video ends.
 */
final class DetectionTracking {

    private final VideoEnd end;
    private final String videoId;
    private final DetectionSettings settings;
    private final RowSink sink;
    private final Map<String, SortTracker> trackers = new LinkedHashMap<>();
    private final long[] nextTrackId = {0};

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
        for (ObjectDetector.Detection d : detections) {
            byLabel.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(d);
        }
        for (String label : byLabel.keySet()) {
            trackers.computeIfAbsent(label, k -> new SortTracker(settings, nextTrackId));
        }
        for (Map.Entry<String, SortTracker> entry : trackers.entrySet()) {
            for (SortTracker.Assigned a : entry.getValue().update(byLabel.getOrDefault(entry.getKey(), List.of()), timeS)) {
                Box b = a.detection().box();
                sink.add(VideoTables.DETECTIONS, new VideoRows.Detection(end.object().uri(), end.object().version(), videoId, frame, timeS,
                        a.detection().label(), a.detection().score(), b.x(), b.y(), b.width(), b.height(), a.trackId()));
            }
        }
    }

    /** Writes the confirmed tracks; returns how many. */
    long finish() {
        long tracks = 0;
        for (SortTracker tracker : trackers.values()) {
            for (KalmanBoxTracker t : tracker.confirmedTracks()) {
                double n = Math.max(1, t.frames);
                sink.add(VideoTables.TRACKS, new VideoRows.Track(end.object().uri(), end.object().version(), videoId, t.id, t.label, t.firstTimeS,
                        t.lastTimeS, t.frames, t.sumX / n, t.sumY / n, t.sumW / n, t.sumH / n, t.sumScore / n));
                tracks++;
            }
        }
        return tracks;
    }
}
