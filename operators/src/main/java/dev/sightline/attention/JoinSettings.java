package dev.sightline.attention;

import java.io.Serializable;
import java.time.Duration;

/**
 * How gaze meets video: the tolerance around boxes, how finely events are sampled, which box gaps
 * are bridged, the bins of attention synchrony, and how long either side waits for the other.
 *
 * @param toleranceDeg gaze within this angle of a box counts as on it (the tracker's and the detector's imprecision)
 * @param sampleMs an event is tested against the boxes every this many milliseconds of video time
 * @param minOnShare an event hits a box when the gaze is on it for at least this share of the event
 * @param maxBoxGapS boxes of a track are interpolated between analysed frames at most this far apart
 * @param synchronyBinMs the time bins in which viewers' targets are compared
 * @param recordingWait how long a recording waits for its video before a StimulusNotFound dead letter
 * @param videoKeep how long a video's tracks are kept for recordings to come, from its last use
 */
public record JoinSettings(double toleranceDeg, double sampleMs, double minOnShare, double maxBoxGapS, double synchronyBinMs,
        Duration recordingWait, Duration videoKeep) implements Serializable {

    /** 1 degree, every 20 ms, half the event, gaps up to 1 s, 200 ms bins, 7 days' wait, 30 days' keep. */
    public static final JoinSettings DEFAULTS = new JoinSettings(1.0, 20, 0.5, 1.0, 200, Duration.ofDays(7), Duration.ofDays(30));

    public JoinSettings {
        if (!(toleranceDeg >= 0 && sampleMs > 0 && minOnShare > 0 && minOnShare <= 1 && maxBoxGapS >= 0 && synchronyBinMs > 0)) {
            throw new IllegalArgumentException("bad gaze-video join settings: tolerance " + toleranceDeg + " deg, sample " + sampleMs
                    + " ms, share " + minOnShare + ", box gap " + maxBoxGapS + " s, bin " + synchronyBinMs + " ms");
        }
    }
}
