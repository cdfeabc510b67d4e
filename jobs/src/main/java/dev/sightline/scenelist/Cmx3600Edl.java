package dev.sightline.scenelist;

import java.util.Locale;

/**
 * A scene list as a CMX 3600 edit decision list, as PySceneDetect's {@code save-edl} writes it:
 * one cut event per scene on reel AX, source and record timecodes non-drop-frame at the
 * stream's nominal rate, computed from presentation times.
 */
public final class Cmx3600Edl {

    private Cmx3600Edl() {}

    /** Most events a CMX 3600 list numbers (three digits). */
    static final int MAX_EVENTS = 999;

    /** The EDL text. */
    public static String write(SceneList list) {
        if (list.scenes().size() > MAX_EVENTS) {
            throw new IllegalArgumentException(list.scenes().size() + " scenes do not fit a CMX 3600 EDL (at most " + MAX_EVENTS
                    + " events); write csv or otio instead");
        }
        StringBuilder out = new StringBuilder();
        String title = list.name().replaceAll("[\\r\\n]", " ");
        out.append("TITLE: ").append(title.length() > 70 ? title.substring(0, 70) : title).append('\n');
        out.append("FCM: NON-DROP FRAME\n\n");
        double rate = list.frameRate();
        for (SceneList.Scene s : list.scenes()) {
            long in = Timecodes.frames(s.startS(), rate);
            long out2 = Math.max(in + 1, Timecodes.frames(s.endS(), rate));
            String source = Timecodes.smpte(in, rate) + " " + Timecodes.smpte(out2, rate);
            out.append(String.format(Locale.ROOT, "%03d  AX       V     C        %s %s%n", s.number(), source, source));
            out.append("* FROM CLIP NAME: ").append(list.name()).append('\n');
        }
        return out.toString();
    }
}
