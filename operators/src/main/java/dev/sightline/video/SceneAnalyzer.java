package dev.sightline.video;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Scene detection as a {@link FrameAnalyzer}: scores every frame once ({@link HsvDifference}),
 * lets each configured detector decide its cuts, and emits a scene row (with a keyframe thumbnail
 * of its first frame) as each scene ends.
 */
public final class SceneAnalyzer implements FrameAnalyzer, AutoCloseable {

    private final String uri;
    private final String version;
    private final String videoId;
    private final VideoSink sink;
    private final KeyframeStore keyframes;
    private final HsvDifference scores = new HsvDifference();
    private final List<Track> tracks = new ArrayList<>();
    private final Deque<Held> recent = new ArrayDeque<>();
    private final int delay;
    private long lastFrame = -1;
    private long lastTimestampUs;
    private long frameDurationUs;

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

    /** A recent frame kept for detectors that confirm cuts late. */
    private record Held(long frame, long timestampUs, Mat bgr) {}

    public SceneAnalyzer(String uri, String version, String videoId, SceneSettings settings, KeyframeStore keyframes, VideoSink sink) {
        this.uri = uri;
        this.version = version;
        this.videoId = videoId;
        this.sink = sink;
        this.keyframes = keyframes;
        int maxDelay = 0;
        for (String detector : settings.detectors()) {
            SceneCuts cuts = new SceneCuts(detector, settings);
            tracks.add(new Track(cuts));
            maxDelay = Math.max(maxDelay, cuts.delay());
        }
        this.delay = maxDelay;
    }

    /** Scenes emitted so far by the first detector, plus the open one. */
    public long scenes() {
        return tracks.isEmpty() ? 0 : tracks.get(0).index + (lastFrame >= 0 ? 1 : 0);
    }

    @Override
    public void accept(VideoFrame frame) {
        double score = scores.score(frame.bgr());
        if (lastFrame >= 0) {
            frameDurationUs = Math.max(1, frame.timestampUs() - lastTimestampUs);
        }
        if (delay > 0) {
            recent.addLast(new Held(frame.index(), frame.timestampUs(), frame.bgr().clone()));
            while (recent.size() > delay + 1) {
                recent.removeFirst().bgr().close();
            }
        }
        if (frame.index() == 0) {
            for (Track t : tracks) {
                t.startFrame = 0;
                t.startTimeS = frame.timestampUs() / 1e6;
                t.keyframeUri = keyframe(t, frame.bgr());
            }
        }
        for (Track t : tracks) {
            SceneCuts.Cut cut = t.cuts.next(frame.index(), score);
            if (cut != null) {
                Held at = heldFrame(cut.frame(), frame);
                double cutTimeS = at.timestampUs() / 1e6;
                emit(t, cut.frame(), cutTimeS);
                t.index++;
                t.startFrame = cut.frame();
                t.startTimeS = cutTimeS;
                t.cutScore = cut.score();
                t.keyframeUri = keyframe(t, at.bgr());
            }
        }
        lastFrame = frame.index();
        lastTimestampUs = frame.timestampUs();
    }

    private Held heldFrame(long index, VideoFrame current) {
        if (index == current.index()) {
            return new Held(current.index(), current.timestampUs(), current.bgr());
        }
        for (Held held : recent) {
            if (held.frame() == index) {
                return held;
            }
        }
        throw new IllegalStateException("frame " + index + " is no longer held");
    }

    private String keyframe(Track t, Mat bgr) {
        if (keyframes == null) {
            return null;
        }
        return keyframes.write(String.format(Locale.ROOT, "%s-scene-%04d.jpg", t.cuts.detector(), t.index), bgr);
    }

    private void emit(Track t, long endFrame, double endTimeS) {
        sink.scene(new VideoRows.Scene(uri, version, videoId, t.cuts.detector(), t.index, t.startFrame, endFrame,
                t.startTimeS, endTimeS, t.cutScore, t.keyframeUri));
    }

    @Override
    public void finish() {
        if (lastFrame < 0) {
            return;
        }
        double endS = (lastTimestampUs + frameDurationUs) / 1e6;
        for (Track t : tracks) {
            emit(t, lastFrame + 1, endS);
        }
    }

    @Override
    public void close() {
        scores.close();
        recent.forEach(h -> h.bgr().close());
        recent.clear();
    }
}
