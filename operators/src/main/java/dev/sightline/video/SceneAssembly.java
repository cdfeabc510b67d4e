package dev.sightline.video;

import dev.sightline.sink.RowSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scene detection over a video's content scores in frame order: lets each configured detector
 * decide its cuts and emits a scene row, with the keyframe thumbnail of its first frame, as each
 * scene ends.
 */
final class SceneAssembly {

    private final VideoEnd end;
    private final String videoId;
    private final RowSink sink;
    private final KeyframeStore keyframes;
    private final Map<Long, byte[]> thumbnails;
    private final List<Track> tracks = new ArrayList<>();

    /** One detector's current scene. */
    private static final class Track {
        final SceneCuts cuts;
        long index;
        long startFrame;
        double startTimeS;
        double cutScore = Double.NaN;
        String keyframeUri;

        Track(SceneCuts cuts) {
            this.cuts = cuts;
        }
    }

    SceneAssembly(VideoEnd end, String videoId, SceneSettings settings, Map<Long, byte[]> thumbnails, KeyframeStore keyframes,
            RowSink sink) {
        this.end = end;
        this.videoId = videoId;
        this.thumbnails = thumbnails;
        this.keyframes = keyframes;
        this.sink = sink;
        for (String detector : settings.detectors()) {
            tracks.add(new Track(new SceneCuts(detector, settings)));
        }
    }

    /**
     * Runs the detectors over every frame and emits all scenes; returns how many scenes the first
     * detector found.
     *
     * @param timestampsUs each frame's presentation time, by frame index
     * @param scores each frame's content score, by frame index
     */
    long run(long[] timestampsUs, double[] scores) {
        int frames = scores.length;
        if (frames == 0) {
            return 0;
        }
        for (Track t : tracks) {
            t.startTimeS = timestampsUs[0] / 1e6;
            t.keyframeUri = keyframe(t, 0);
        }
        for (int frame = 0; frame < frames; frame++) {
            for (Track t : tracks) {
                SceneCuts.Cut cut = t.cuts.next(frame, scores[frame]);
                if (cut != null) {
                    double cutTimeS = timestampsUs[(int) cut.frame()] / 1e6;
                    emit(t, cut.frame(), cutTimeS);
                    t.index++;
                    t.startFrame = cut.frame();
                    t.startTimeS = cutTimeS;
                    t.cutScore = cut.score();
                    t.keyframeUri = keyframe(t, cut.frame());
                }
            }
        }
        long frameDurationUs = frames > 1 ? Math.max(1, timestampsUs[frames - 1] - timestampsUs[frames - 2]) : 0;
        double endS = (timestampsUs[frames - 1] + frameDurationUs) / 1e6;
        for (Track t : tracks) {
            emit(t, frames, endS);
        }
        return tracks.isEmpty() ? 0 : tracks.get(0).index + 1;
    }

    private String keyframe(Track t, long frame) {
        byte[] jpeg = thumbnails.get(frame);
        if (keyframes == null || jpeg == null) {
            return null;
        }
        return keyframes.write(String.format(Locale.ROOT, "%s-scene-%04d.jpg", t.cuts.detector(), t.index), jpeg);
    }

    private void emit(Track t, long endFrame, double endTimeS) {
        sink.add(VideoTables.SCENES, new VideoRows.Scene(end.object().uri(), end.object().version(), videoId, t.cuts.detector(), t.index, t.startFrame,
                endFrame, t.startTimeS, endTimeS, t.cutScore, t.keyframeUri));
    }
}
