package dev.sightline.gaze.stimulus;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a recording's clock maps to the frames of the video it showed, from the frame messages of
 * its export, kept compact: the frame at time t is that of the last anchor at or before t plus
 * the time since it at {@link #framesPerSecond()}. Anchors are kept only where the messages
 * depart from that by more than half a frame, so steady playback of an hour needs a handful.
 */
public record FrameAnchors(long[] timesUs, long[] frames, double framesPerSecond) implements Serializable {

    private static final double TOLERANCE_FRAMES = 0.5;

    /** The anchors for raw (time, frame) messages in time order; null when there are none. */
    public static FrameAnchors of(long[] timesUs, long[] frames, int n) {
        if (n == 0) {
            return null;
        }
        double dt = 0;
        double df = 0;
        for (int i = 1; i < n; i++) {
            long step = frames[i] - frames[i - 1];
            if (step > 0 && step <= 10) {
                dt += timesUs[i] - timesUs[i - 1];
                df += step;
            }
        }
        double fps = dt > 0 ? df / (dt / 1e6) : 30;
        long[] keptTimes = new long[n];
        long[] keptFrames = new long[n];
        int kept = 0;
        keptTimes[kept] = timesUs[0];
        keptFrames[kept++] = frames[0];
        for (int i = 1; i < n; i++) {
            double predicted = keptFrames[kept - 1] + (timesUs[i] - keptTimes[kept - 1]) / 1e6 * fps;
            if (Math.abs(predicted - frames[i]) > TOLERANCE_FRAMES) {
                keptTimes[kept] = timesUs[i];
                keptFrames[kept++] = frames[i];
            }
        }
        return new FrameAnchors(Arrays.copyOf(keptTimes, kept), Arrays.copyOf(keptFrames, kept), fps);
    }

    /** The (fractional) frame shown at a recording time. */
    public double frameAt(long timeUs) {
        int i = Arrays.binarySearch(timesUs, timeUs);
        if (i < 0) {
            i = Math.max(0, -i - 2);
        }
        return frames[i] + (timeUs - timesUs[i]) / 1e6 * framesPerSecond;
    }

    /** Written {@code fps;t_ms:frame,t_ms:frame,...}, for the {@code gaze_stimuli} table. */
    public String text() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.4f;", framesPerSecond));
        for (int i = 0; i < timesUs.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(String.format(Locale.ROOT, "%.3f:%d", timesUs[i] / 1000.0, frames[i]));
        }
        return b.toString();
    }

    /** Reads {@link #text()}. */
    public static FrameAnchors parse(String text) {
        int semicolon = text.indexOf(';');
        double fps = Double.parseDouble(text.substring(0, semicolon));
        String[] pairs = text.substring(semicolon + 1).split(",");
        long[] times = new long[pairs.length];
        long[] frames = new long[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            int colon = pairs[i].indexOf(':');
            times[i] = Math.round(Double.parseDouble(pairs[i].substring(0, colon)) * 1000);
            frames[i] = Long.parseLong(pairs[i].substring(colon + 1));
        }
        return new FrameAnchors(times, frames, fps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameAnchors a && Arrays.equals(a.timesUs, timesUs) && Arrays.equals(a.frames, frames)
                && Double.compare(a.framesPerSecond, framesPerSecond) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(timesUs) * 31 + Arrays.hashCode(frames);
    }

    @Override
    public String toString() {
        return "FrameAnchors[" + text() + "]";
    }
}
