package dev.sightline.attention;

import dev.sightline.gaze.ScreenGeometry;
import dev.sightline.sink.RowSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joins one viewing with its video: maps each fixation and pursuit to video time and pixels,
 * assigns it to the tracked boxes it falls on (sampled every few milliseconds along the event,
 * within a tolerance in degrees) and to its scene, and writes the hits, the attention per track
 * and per scene. A pure function of the two, so a replay writes the same rows.
 */
public final class GazeOnVideo {

    private GazeOnVideo() {}

    /** Writes the viewing's rows into {@code sink} and returns what it adds to the video's attention. */
    public static ViewerSummary join(Viewing viewing, StimulusVideo video, JoinSettings settings, RowSink sink) {
        VideoPlacement place = new VideoPlacement(viewing, video);
        ScreenGeometry geometry = viewing.geometry();
        int tracks = video.tracks();
        TrackTimeline[] timelines = new TrackTimeline[tracks];
        for (int k = 0; k < tracks; k++) {
            timelines[k] = new TrackTimeline(video, k, settings.maxBoxGapS());
        }
        double windowStart = Math.max(0, place.videoSeconds(viewing.startMs()));
        double windowEnd = Math.min(video.durationS(), place.videoSeconds(viewing.endMs()));

        int scenes = video.sceneStartS().length;
        double[] sceneOnObjects = new double[scenes];
        double[] sceneElsewhere = new double[scenes];
        long[] sceneFixations = new long[scenes];
        double[][] sceneTrackDwell = new double[scenes][tracks];
        List<List<double[]>> sceneFixationPoints = new ArrayList<>();
        for (int s = 0; s < scenes; s++) {
            sceneFixationPoints.add(new ArrayList<>());
        }
        double[] dwell = new double[tracks];
        double[] firstLookS = new double[tracks];
        double[] firstLookMs = new double[tracks];
        Arrays.fill(firstLookS, Double.NaN);
        long[] fixations = new long[tracks];
        long[] pursuits = new long[tracks];
        long[] visits = new long[tracks];
        boolean[] onPrevious = new boolean[tracks];
        List<double[]> onVideoEvents = new ArrayList<>();
        List<int[]> hits = new ArrayList<>();
        double[] box = new double[4];

        for (int e = 0; e < viewing.events(); e++) {
            double t0 = Math.max(windowStart, place.videoSeconds(viewing.eventStartMs()[e]));
            double t1 = Math.min(windowEnd, place.videoSeconds(viewing.eventEndMs()[e]));
            if (!(t1 > t0)) {
                continue;
            }
            double rawStart = place.videoSeconds(viewing.eventStartMs()[e]);
            double rawSpan = place.videoSeconds(viewing.eventEndMs()[e]) - rawStart;
            int points = Math.max(1, (int) Math.ceil((t1 - t0) * 1000 / settings.sampleMs()));
            int onVideo = 0;
            int[] within = new int[tracks];
            double[][] distances = new double[tracks][points];
            int[] visibleCount = new int[tracks];
            for (int p = 0; p < points; p++) {
                double t = t0 + (p + 0.5) * (t1 - t0) / points;
                double f = rawSpan > 0 ? (t - rawStart) / rawSpan : 0.5;
                double gx = viewing.startX()[e] + f * (viewing.endX()[e] - viewing.startX()[e]);
                double gy = viewing.startY()[e] + f * (viewing.endY()[e] - viewing.startY()[e]);
                if (!place.onVideo(gx, gy)) {
                    continue;
                }
                onVideo++;
                for (int k = 0; k < tracks; k++) {
                    if (!timelines[k].boxAt(t, box)) {
                        continue;
                    }
                    double d = distanceDeg(geometry, place, gx, gy, box);
                    distances[k][visibleCount[k]++] = d;
                    if (d <= settings.toleranceDeg()) {
                        within[k]++;
                    }
                }
            }
            if (onVideo * 2 < points) {
                Arrays.fill(onPrevious, false); // mostly off the video: on no object, nor elsewhere on it; a visit ends
                continue;
            }
            double durationMs = (t1 - t0) * 1000;
            int eventIndex = onVideoEvents.size();
            onVideoEvents.add(new double[] {t0, t1});
            int scene = video.sceneAt(t0);
            boolean anyHit = false;
            List<Integer> hitTracks = new ArrayList<>();
            byte kind = viewing.kinds()[e];
            for (int k = 0; k < tracks; k++) {
                boolean hit = within[k] > 0 && within[k] >= settings.minOnShare() * points;
                if (hit) {
                    anyHit = true;
                    hits.add(new int[] {eventIndex, k});
                    hitTracks.add(k);
                    double[] seen = Arrays.copyOf(distances[k], visibleCount[k]);
                    Arrays.sort(seen);
                    double median = seen.length % 2 == 1 ? seen[seen.length / 2] : (seen[seen.length / 2 - 1] + seen[seen.length / 2]) / 2;
                    sink.add(AttentionTables.OBJECT_HITS, new AttentionRows.Hit(viewing.uri(), viewing.version(), viewing.recordingId(),
                            Viewing.kindName(kind), viewing.indexes()[e], viewing.key(), video.uri(), video.videoId(), video.trackIds()[k],
                            video.trackLabels()[k], scene < 0 ? -1 : video.sceneIndexes()[scene], viewing.eventStartMs()[e], t0, t1,
                            durationMs, durationMs * within[k] / points, median));
                    dwell[k] += durationMs;
                    if (Double.isNaN(firstLookS[k])) {
                        firstLookS[k] = t0;
                        firstLookMs[k] = durationMs;
                    }
                    if (kind == Viewing.FIXATION) {
                        fixations[k]++;
                    } else {
                        pursuits[k]++;
                    }
                    if (!onPrevious[k]) {
                        visits[k]++;
                    }
                }
                onPrevious[k] = hit;
            }
            for (int s = 0; s < scenes; s++) {
                double overlap = Math.max(0, Math.min(t1, video.sceneEndS()[s]) - Math.max(t0, video.sceneStartS()[s])) * 1000;
                if (overlap <= 0) {
                    continue;
                }
                if (anyHit) {
                    sceneOnObjects[s] += overlap;
                } else {
                    sceneElsewhere[s] += overlap;
                }
                for (int k : hitTracks) {
                    sceneTrackDwell[s][k] += overlap;
                }
            }
            if (kind == Viewing.FIXATION && scene >= 0) {
                sceneFixations[scene]++;
                double x = viewing.startX()[e];
                double y = viewing.startY()[e];
                sceneFixationPoints.get(scene).add(new double[] {geometry.xDeg(x), geometry.yDeg(y), durationMs});
            }
        }

        double[] visibleMs = new double[tracks];
        for (int k = 0; k < tracks; k++) {
            visibleMs[k] = timelines[k].visibleWithin(windowStart, windowEnd) * 1000;
            if (visibleMs[k] <= 0) {
                continue;
            }
            double firstVisible = timelines[k].firstVisibleWithin(windowStart, windowEnd);
            sink.add(AttentionTables.TRACK_ATTENTION, new AttentionRows.TrackAttention(viewing.uri(), viewing.version(),
                    viewing.recordingId(), viewing.segmentIndex(), video.uri(), video.videoId(), video.trackIds()[k], video.trackLabels()[k],
                    visibleMs[k], dwell[k], dwell[k] / visibleMs[k],
                    Double.isNaN(firstLookS[k]) ? Double.NaN : Math.max(0, firstLookS[k] - firstVisible) * 1000,
                    Double.isNaN(firstLookS[k]) ? Double.NaN : firstLookMs[k], fixations[k], pursuits[k], visits[k],
                    Math.max(0, visits[k] - 1)));
        }
        for (int s = 0; s < scenes; s++) {
            double viewed = Math.max(0, Math.min(windowEnd, video.sceneEndS()[s]) - Math.max(windowStart, video.sceneStartS()[s])) * 1000;
            if (viewed <= 0) {
                continue;
            }
            int top = -1;
            for (int k = 0; k < tracks; k++) {
                if (sceneTrackDwell[s][k] > 0 && (top < 0 || sceneTrackDwell[s][k] > sceneTrackDwell[s][top])) {
                    top = k;
                }
            }
            sink.add(AttentionTables.SCENE_ATTENTION, new AttentionRows.SceneAttention(viewing.uri(), viewing.version(),
                    viewing.recordingId(), viewing.segmentIndex(), video.uri(), video.videoId(), video.sceneDetector(),
                    video.sceneIndexes()[s], video.sceneStartS()[s], video.sceneEndS()[s], viewed, sceneOnObjects[s], sceneElsewhere[s],
                    sceneFixations[s], dispersion(sceneFixationPoints.get(s)), top < 0 ? -1 : video.trackIds()[top],
                    top < 0 ? Double.NaN : sceneTrackDwell[s][top]));
        }
        double[] starts = new double[onVideoEvents.size()];
        double[] ends = new double[onVideoEvents.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = onVideoEvents.get(i)[0];
            ends[i] = onVideoEvents.get(i)[1];
        }
        return new ViewerSummary(viewing.id(), visibleMs, dwell, starts, ends, hits.stream().mapToInt(h -> h[0]).toArray(),
                hits.stream().mapToInt(h -> h[1]).toArray());
    }

    /** The angle from a screen point to the nearest point of a box in video pixels; 0 inside. */
    private static double distanceDeg(ScreenGeometry geometry, VideoPlacement place, double gx, double gy, double[] box) {
        double vx = place.toVideoX(gx);
        double vy = place.toVideoY(gy);
        double nx = Math.max(box[0], Math.min(vx, box[0] + box[2]));
        double ny = Math.max(box[1], Math.min(vy, box[1] + box[3]));
        if (nx == vx && ny == vy) {
            return 0;
        }
        return geometry.angleDeg(gx, gy, place.toScreenX(nx), place.toScreenY(ny));
    }

    /** Root mean square angle of points {xDeg, yDeg, weight} from their weighted centre; NaN for none. */
    private static double dispersion(List<double[]> points) {
        double w = 0;
        double mx = 0;
        double my = 0;
        for (double[] p : points) {
            w += p[2];
            mx += p[0] * p[2];
            my += p[1] * p[2];
        }
        if (w <= 0) {
            return Double.NaN;
        }
        mx /= w;
        my /= w;
        double sum = 0;
        for (double[] p : points) {
            sum += p[2] * ((p[0] - mx) * (p[0] - mx) + (p[1] - my) * (p[1] - my));
        }
        return Math.sqrt(sum / w);
    }
}
