package dev.sightline.scenelist;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A scene list as CSV in the layout of PySceneDetect's {@code list-scenes}: a row of cut
 * timecodes, then one row per scene with 1-based start frames.
 */
public final class SceneListCsv {

    private SceneListCsv() {}

    /** The CSV text; {@code withCuts} writes the leading timecode list, as PySceneDetect does unless told to skip it. */
    public static String write(SceneList list, boolean withCuts) {
        StringBuilder out = new StringBuilder();
        if (withCuts) {
            out.append("Timecode List:");
            String cuts = list.scenes().stream().skip(1).map(s -> Timecodes.clock(s.startS())).collect(Collectors.joining(","));
            if (!cuts.isEmpty()) {
                out.append(',').append(cuts);
            }
            out.append('\n');
        }
        out.append("Scene Number,Start Frame,Start Timecode,Start Time (seconds),End Frame,End Timecode,End Time (seconds),"
                + "Length (frames),Length (timecode),Length (seconds)\n");
        for (SceneList.Scene s : list.scenes()) {
            out.append(String.format(Locale.ROOT, "%d,%d,%s,%.3f,%d,%s,%.3f,%d,%s,%.3f%n", s.number(), s.startFrame() + 1,
                    Timecodes.clock(s.startS()), s.startS(), s.endFrame(), Timecodes.clock(s.endS()), s.endS(), s.frames(),
                    Timecodes.clock(s.lengthS()), s.lengthS()));
        }
        return out.toString();
    }
}
