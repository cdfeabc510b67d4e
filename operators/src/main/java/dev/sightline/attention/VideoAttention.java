package dev.sightline.attention;

import dev.sightline.sink.RowSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A video's attention over all its viewers so far, per track: how many saw and looked at it, the
 * mean dwell, and attention synchrony. Synchrony compares viewers moment by moment: in time bins
 * where the track is visible and at least two viewers look at the video, n of N viewers look at
 * the track; co-attention is sum n(n-1) / sum N(N-1), the chance that two viewers looking at the
 * same moment both look at it, and synchrony divides it by the square of the track's share of
 * viewer-moments, sum n / sum N: 1 when viewers choose it independently of each other, above 1
 * when they look at it together.
 */
public final class VideoAttention {

    private VideoAttention() {}

    /** Writes one row per track of the video, over {@code viewers} (any order; the result does not depend on it). */
    public static void write(StimulusVideo video, List<ViewerSummary> viewers, JoinSettings settings, RowSink sink) {
        List<ViewerSummary> sorted = new ArrayList<>(viewers);
        sorted.sort(Comparator.comparing(ViewerSummary::viewingId));
        int tracks = video.tracks();
        double bin = settings.synchronyBinMs() / 1000;
        int bins = (int) Math.max(0, Math.ceil(video.durationS() / bin));
        // Per viewer and bin, the on-video event covering the bin's centre (-1: none).
        int[][] covering = new int[sorted.size()][];
        for (int v = 0; v < sorted.size(); v++) {
            ViewerSummary s = sorted.get(v);
            int[] at = new int[bins];
            Arrays.fill(at, -1);
            for (int e = 0; e < s.eventStartS().length; e++) {
                int first = (int) Math.max(0, Math.ceil(s.eventStartS()[e] / bin - 0.5));
                for (int b = first; b < bins && (b + 0.5) * bin < s.eventEndS()[e]; b++) {
                    at[b] = e;
                }
            }
            covering[v] = at;
        }
        // Per viewer and event, the tracks it hit.
        List<List<int[]>> hitsOf = new ArrayList<>();
        for (ViewerSummary s : sorted) {
            List<int[]> byEvent = new ArrayList<>();
            for (int e = 0; e < s.eventStartS().length; e++) {
                byEvent.add(new int[0]);
            }
            for (int h = 0; h < s.hitEvent().length; h++) {
                int[] old = byEvent.get(s.hitEvent()[h]);
                int[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = s.hitTrack()[h];
                byEvent.set(s.hitEvent()[h], grown);
            }
            hitsOf.add(byEvent);
        }
        TrackTimeline[] timelines = new TrackTimeline[tracks];
        for (int k = 0; k < tracks; k++) {
            timelines[k] = new TrackTimeline(video, k, settings.maxBoxGapS());
        }
        double[] pairsOn = new double[tracks];
        double[] pairsAll = new double[tracks];
        double[] momentsOn = new double[tracks];
        double[] momentsAll = new double[tracks];
        long[] usedBins = new long[tracks];
        int[] on = new int[tracks];
        for (int b = 0; b < bins; b++) {
            int looking = 0;
            Arrays.fill(on, 0);
            for (int v = 0; v < sorted.size(); v++) {
                int e = covering[v][b];
                if (e >= 0) {
                    looking++;
                    for (int k : hitsOf.get(v).get(e)) {
                        on[k]++;
                    }
                }
            }
            if (looking < 2) {
                continue;
            }
            double t = (b + 0.5) * bin;
            for (int k = 0; k < tracks; k++) {
                if (!timelines[k].visibleAt(t)) {
                    continue;
                }
                usedBins[k]++;
                pairsOn[k] += on[k] * (on[k] - 1.0);
                pairsAll[k] += looking * (looking - 1.0);
                momentsOn[k] += on[k];
                momentsAll[k] += looking;
            }
        }
        for (int k = 0; k < tracks; k++) {
            long saw = 0;
            long looked = 0;
            double dwell = 0;
            double share = 0;
            for (ViewerSummary s : sorted) {
                if (s.trackVisibleMs()[k] > 0) {
                    saw++;
                    dwell += s.trackDwellMs()[k];
                    share += s.trackDwellMs()[k] / s.trackVisibleMs()[k];
                    if (s.trackDwellMs()[k] > 0) {
                        looked++;
                    }
                }
            }
            double co = pairsAll[k] > 0 ? pairsOn[k] / pairsAll[k] : Double.NaN;
            double m = momentsAll[k] > 0 ? momentsOn[k] / momentsAll[k] : Double.NaN;
            double synchrony = Double.isNaN(co) || !(m > 0) ? Double.NaN : co / (m * m);
            sink.add(AttentionTables.VIDEO_ATTENTION, new AttentionRows.VideoAttention(video.uri(), video.version(), video.videoId(),
                    video.key(), video.trackIds()[k], video.trackLabels()[k], sorted.size(), saw, looked,
                    saw == 0 ? Double.NaN : dwell / saw, saw == 0 ? Double.NaN : share / saw, co, synchrony, usedBins[k]));
        }
    }
}
