package dev.sightline.gaze.format;

import dev.sightline.gaze.ScreenGeometry;

/**
 * What a file says about a recording before its samples: names, eyes, and the set-up where the
 * format records it (null where it does not).
 *
 * @param name recording name within the file ("" for single-recording files)
 * @param participant participant name, if the file has one
 * @param eyes "left", "right", "binocular" or "unknown"
 * @param samplingRateHz as the file states it; 0 when unknown
 * @param screenWidthPx screen width in pixels if the file states it, else 0
 * @param screenHeightPx screen height in pixels if the file states it, else 0
 */
public record RecordingHeader(
        String name, String participant, String eyes, double samplingRateHz, double screenWidthPx, double screenHeightPx) {

    /** The geometry of the file where it states pixels, completed from {@code configured}. */
    public ScreenGeometry geometry(ScreenGeometry configured) {
        if (screenWidthPx > 0 && screenHeightPx > 0) {
            return new ScreenGeometry(screenWidthPx, screenHeightPx, configured.widthMm(), configured.heightMm(), configured.distanceMm());
        }
        return configured;
    }
}
