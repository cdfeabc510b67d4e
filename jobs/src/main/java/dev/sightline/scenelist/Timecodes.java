package dev.sightline.scenelist;

import java.util.Locale;

/** Timecodes of scene lists: clock time with milliseconds, and SMPTE non-drop-frame at a nominal rate. */
final class Timecodes {

    private Timecodes() {}

    /** {@code HH:MM:SS.mmm}, as PySceneDetect's scene lists print times. */
    static String clock(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }

    /**
     * The SMPTE timecode base of a frame rate: the whole number of frames counted per timecode
     * second (30 for 29.97 non-drop-frame).
     */
    static int base(double frameRate) {
        return Math.max(1, (int) Math.round(frameRate));
    }

    /** Frames from the start at {@code seconds}, counted at the stream's real rate. */
    static long frames(double seconds, double frameRate) {
        return Math.round(seconds * frameRate);
    }

    /** {@code HH:MM:SS:FF} non-drop-frame of a frame count, at the rate's timecode base. */
    static String smpte(long frames, double frameRate) {
        int base = base(frameRate);
        long perHour = 3600L * base;
        return String.format(Locale.ROOT, "%02d:%02d:%02d:%02d", frames / perHour, frames / (60L * base) % 60, frames / base % 60,
                frames % base);
    }
}
