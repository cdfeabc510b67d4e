package dev.sightline.gaze.stimulus;

import dev.sightline.gaze.format.StimulusMark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers a recording's stimulus marks as its parser reads them and turns them into the media it
 * presented, in order. A frame-message medium ends one frame after its last message (the video
 * stopped) or where another medium starts; a named medium where the name changes or the recording ends.
 */
public final class StimulusTimeline {

    private final List<PresentedSegment> segments = new ArrayList<>();
    private String media;
    private long startUs;
    private double[] rect;
    private boolean frameMarks;
    private long[] times = new long[64];
    private long[] frames = new long[64];
    private int marks;

    /** Takes the next mark (in time order). */
    public void add(StimulusMark mark) {
        if (mark.ended()) {
            close(mark.timeUs());
            return;
        }
        boolean frame = mark.frame() != StimulusMark.NO_FRAME;
        if (media != null && media.equals(mark.media()) && frameMarks == frame) {
            if (frame) {
                anchor(mark.timeUs(), mark.frame());
            }
            return;
        }
        close(mark.timeUs());
        media = mark.media();
        startUs = mark.timeUs();
        rect = new double[] {mark.x(), mark.y(), mark.width(), mark.height()};
        frameMarks = frame;
        marks = 0;
        if (frame) {
            anchor(mark.timeUs(), mark.frame());
        }
    }

    private void anchor(long timeUs, long frame) {
        if (marks == times.length) {
            times = Arrays.copyOf(times, marks * 2);
            frames = Arrays.copyOf(frames, marks * 2);
        }
        times[marks] = timeUs;
        frames[marks++] = frame;
    }

    private void close(long endUs) {
        if (media == null) {
            return;
        }
        FrameAnchors anchors = frameMarks ? FrameAnchors.of(times, frames, marks) : null;
        long end = endUs;
        if (anchors != null) {
            // The video stops one frame after its last frame message, if nothing else came first.
            end = Math.min(endUs, times[marks - 1] + Math.round(1e6 / anchors.framesPerSecond()));
        }
        segments.add(new PresentedSegment(media, startUs, Math.max(end, startUs), rect, anchors));
        media = null;
        marks = 0;
    }

    /** The media presented, the last one closed at {@code endUs} (one sample after the recording's last). */
    public List<PresentedSegment> finish(long endUs) {
        close(endUs);
        return List.copyOf(segments);
    }
}
