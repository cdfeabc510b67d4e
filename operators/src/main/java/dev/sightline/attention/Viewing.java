package dev.sightline.attention;

import dev.sightline.gaze.ScreenGeometry;
import dev.sightline.gaze.stimulus.FrameAnchors;
import org.apache.flink.util.OutputTag;

/**
 * One recording's view of one video, waiting to meet the video's analysis: where and from when
 * the video was shown, the screen, and the recording's fixations and pursuits while it was.
 *
 * @param key the stimulus key (uri:... or sha256:...) the join is keyed by
 * @param startMs first moment the video was shown, recording clock
 * @param endMs first moment after it
 * @param videoStartMs when its first frame was shown (start-time mapping), NaN with frame anchors
 * @param frameAnchors frame messages as {@link FrameAnchors#text()}, or null
 * @param screenRect where the video was drawn {x, y, width, height}, NaN where unknown
 * @param screen the screen: width and height in px and mm, viewing distance in mm
 * @param kinds per event: {@link #FIXATION} or {@link #PURSUIT}, in start order
 * @param indexes per event: its fixation_index or pursuit_index
 */
public record Viewing(
        String key, String uri, String version, String recordingId, String participant, String recordingName,
        long segmentIndex, String videoRef, double startMs, double endMs, double videoStartMs, String frameAnchors,
        double[] screenRect, double[] screen, byte[] kinds, long[] indexes, double[] eventStartMs, double[] eventEndMs,
        double[] startX, double[] startY, double[] endX, double[] endY) {

    /** Event kind of a fixation. */
    public static final byte FIXATION = 0;
    /** Event kind of a smooth pursuit. */
    public static final byte PURSUIT = 1;

    /** Where the gaze branch (and the offload results) send viewings of linked recordings. */
    public static final OutputTag<Viewing> OUTPUT = new OutputTag<>("gaze-viewings") {};

    /** The viewing's identity within its key: recording and presentation. */
    public String id() {
        return recordingId + "#" + segmentIndex;
    }

    /** The screen's geometry, for distances in degrees. */
    public ScreenGeometry geometry() {
        return new ScreenGeometry(screen[0], screen[1], screen[2], screen[3], screen[4]);
    }

    /** The number of events. */
    public int events() {
        return kinds.length;
    }

    /** The name of an event kind, as the tables write it. */
    public static String kindName(byte kind) {
        return kind == FIXATION ? "fixation" : "pursuit";
    }
}
