package dev.sightline.attention;

import dev.sightline.gaze.stimulus.FrameAnchors;

/**
 * Where and when a viewing showed its video: recording time to video time (by the frame
 * messages, else from the first frame's moment) and screen pixels to video pixels (the drawn
 * rectangle; at the video's own size where only the corner is known; fitted to the screen, centred,
 * where nothing is).
 */
final class VideoPlacement {

    private final FrameAnchors anchors;
    private final double videoStartMs;
    private final double fps;
    final double x;
    final double y;
    final double width;
    final double height;
    private final double videoWidth;
    private final double videoHeight;

    VideoPlacement(Viewing viewing, StimulusVideo video) {
        this.anchors = viewing.frameAnchors() == null ? null : FrameAnchors.parse(viewing.frameAnchors());
        this.videoStartMs = Double.isNaN(viewing.videoStartMs()) ? viewing.startMs() : viewing.videoStartMs();
        this.fps = video.fps() > 0 ? video.fps() : anchors != null ? anchors.framesPerSecond() : 30;
        this.videoWidth = video.width();
        this.videoHeight = video.height();
        double[] rect = viewing.screenRect();
        double sw = viewing.screen()[0];
        double sh = viewing.screen()[1];
        if (!Double.isNaN(rect[0]) && !Double.isNaN(rect[1])) {
            x = rect[0];
            y = rect[1];
            width = Double.isNaN(rect[2]) ? videoWidth : rect[2];
            height = Double.isNaN(rect[3]) ? videoHeight : rect[3];
        } else {
            double scale = Math.min(sw / videoWidth, sh / videoHeight);
            width = Double.isNaN(rect[2]) ? videoWidth * scale : rect[2];
            height = Double.isNaN(rect[3]) ? videoHeight * scale : rect[3];
            x = (sw - width) / 2;
            y = (sh - height) / 2;
        }
    }

    /** The video time (seconds) at a recording time (ms). */
    double videoSeconds(double recordingMs) {
        if (anchors != null) {
            return anchors.frameAt(Math.round(recordingMs * 1000)) / fps;
        }
        return (recordingMs - videoStartMs) / 1000;
    }

    double toVideoX(double screenX) {
        return (screenX - x) * videoWidth / width;
    }

    double toVideoY(double screenY) {
        return (screenY - y) * videoHeight / height;
    }

    double toScreenX(double videoX) {
        return x + videoX * width / videoWidth;
    }

    double toScreenY(double videoY) {
        return y + videoY * height / videoHeight;
    }

    /** True when a screen point lies on the drawn video. */
    boolean onVideo(double screenX, double screenY) {
        return screenX >= x && screenX <= x + width && screenY >= y && screenY <= y + height;
    }
}
