package dev.sightline.video;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SORT-style multi-object tracking (Bewley et al. 2016) for one label: Kalman-predicted boxes,
 * detections associated by IoU (greedy, best overlap first), tracks confirmed after a few hits
 * and dropped after a few misses. Track ids are given in order of confirmation, so they are
 * stable for a given video.
 */
public final class SortTracker {

    /**
     * A detection with the track it was assigned to (-1: none yet confirmed) and that track's
     * serial (its place in the order tracks were begun, confirmed or not).
     */
    public record Assigned(ObjectDetector.Detection detection, long trackId, long serial) {}

    private final DetectionSettings settings;
    private final List<KalmanBoxTracker> tracks = new ArrayList<>();
    private final List<KalmanBoxTracker> finished = new ArrayList<>();
    private final long[] nextId;
    private long begun;

    /** @param nextId shared counter so ids are unique across labels within one video */
    public SortTracker(DetectionSettings settings, long[] nextId) {
        this.settings = settings;
        this.nextId = nextId;
    }

    /** Advances one analysed frame with its detections (of this tracker's label). */
    public List<Assigned> update(List<ObjectDetector.Detection> detections, double timeS) {
        List<Box> predicted = new ArrayList<>();
        for (KalmanBoxTracker t : tracks) {
            predicted.add(t.predict());
        }
        record Pair(int track, int detection, double iou) {}
        List<Pair> pairs = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            for (int d = 0; d < detections.size(); d++) {
                double iou = predicted.get(t).iou(detections.get(d).box());
                if (iou >= settings.minIou()) {
                    pairs.add(new Pair(t, d, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
        boolean[] trackUsed = new boolean[tracks.size()];
        int[] matchOf = new int[detections.size()];
        java.util.Arrays.fill(matchOf, -1);
        for (Pair pair : pairs) {
            if (!trackUsed[pair.track()] && matchOf[pair.detection()] < 0) {
                trackUsed[pair.track()] = true;
                matchOf[pair.detection()] = pair.track();
            }
        }
        List<Assigned> out = new ArrayList<>();
        List<KalmanBoxTracker> born = new ArrayList<>();
        for (int d = 0; d < detections.size(); d++) {
            ObjectDetector.Detection detection = detections.get(d);
            KalmanBoxTracker track;
            if (matchOf[d] >= 0) {
                track = tracks.get(matchOf[d]);
            } else {
                track = new KalmanBoxTracker(detection.label(), detection.box(), timeS, begun++);
                born.add(track);
            }
            track.update(detection.box(), detection.score(), timeS);
            if (track.id < 0 && track.hits >= settings.minHits()) {
                track.id = nextId[0]++;
            }
            out.add(new Assigned(detection, track.id, track.serial));
        }
        tracks.addAll(born);
        for (int i = tracks.size() - 1; i >= 0; i--) {
            KalmanBoxTracker t = tracks.get(i);
            if (t.misses > settings.maxAgeFrames()) {
                tracks.remove(i);
                if (t.id >= 0) {
                    finished.add(t);
                }
            }
        }
        return out;
    }

    /** Every confirmed track, finished or still open, in id order. */
    public List<KalmanBoxTracker> confirmedTracks() {
        List<KalmanBoxTracker> all = new ArrayList<>(finished);
        tracks.stream().filter(t -> t.id >= 0).forEach(all::add);
        all.sort(Comparator.comparingLong(t -> t.id));
        return all;
    }
}
