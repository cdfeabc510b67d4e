package dev.sightline.gaze.format;

/**
 * What an export says about the stimulus on the screen at one moment: a medium starts (Tobii's
 * {@code Presented Media name}), a video frame is shown (EyeLink's {@code !V VFRAME}, Pupil Labs'
 * {@code world_index}), or nothing is presented any more (an empty media name).
 *
 * @param timeUs when, on the recording's clock
 * @param media the medium's name as the export gives it (a file name); "" when the presentation ends
 * @param frame the 0-based video frame shown, or {@link #NO_FRAME} when the export names no frame
 * @param x left edge of the medium on the screen, pixels; NaN when not exported
 * @param y top edge, pixels; NaN when not exported
 * @param width drawn width, pixels; NaN when not exported (drawn at the video's own size, or fitted)
 * @param height drawn height, pixels; NaN when not exported
 */
public record StimulusMark(long timeUs, String media, long frame, double x, double y, double width, double height) {

    /** The frame of a mark that names none. */
    public static final long NO_FRAME = -1;

    /** A medium presented from this moment on, where it was drawn if the export says. */
    public static StimulusMark media(long timeUs, String media, double x, double y, double width, double height) {
        return new StimulusMark(timeUs, media, NO_FRAME, x, y, width, height);
    }

    /** A video frame shown from this moment on. */
    public static StimulusMark frame(long timeUs, String media, long frame, double x, double y, double width, double height) {
        return new StimulusMark(timeUs, media, frame, x, y, width, height);
    }

    /** Nothing presented from this moment on. */
    public static StimulusMark none(long timeUs) {
        return new StimulusMark(timeUs, "", NO_FRAME, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** True when the mark ends the presentation. */
    public boolean ended() {
        return media.isEmpty();
    }
}
