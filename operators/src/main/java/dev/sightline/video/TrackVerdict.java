package dev.sightline.video;

/** Decides from a track's {@link TrackEvidence.Features} whether its object is real. */
final class TrackVerdict {

    private TrackVerdict() {}

    static boolean plausible(TrackEvidence.Features f) {
        return true;
    }
}
