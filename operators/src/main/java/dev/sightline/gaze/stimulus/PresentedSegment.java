package dev.sightline.gaze.stimulus;

/**
 * One medium presented during a recording, as its export says: from when to when, where on the
 * screen, and for video frame messages how recording time maps to the video's frames.
 *
 * @param media the medium's name in the export
 * @param startUs first moment it was shown, recording clock
 * @param endUs first moment after it
 * @param rect where it was drawn {x, y, width, height} in screen pixels, entries NaN where not exported
 * @param anchors how recording time maps to frames, or null when the medium simply starts at {@code startUs}
 */
public record PresentedSegment(String media, long startUs, long endUs, double[] rect, FrameAnchors anchors) {}
