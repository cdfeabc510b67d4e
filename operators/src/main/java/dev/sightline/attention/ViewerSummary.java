package dev.sightline.attention;

/**
 * What one viewing of a video contributes to the video's attention over all viewers: per track
 * the time it was visible and the dwell on it, and the viewer's events on the video (video
 * times) with the tracks each hit.
 *
 * @param trackVisibleMs per track of the video (same order), visible time within the viewing
 * @param trackDwellMs per track, dwell of the viewer's fixations and pursuits on it
 * @param eventStartS per on-video event, its start in video seconds, in order
 * @param eventEndS per on-video event, its end
 * @param hitEvent per hit, the index of its event
 * @param hitTrack per hit, the index of its track
 */
public record ViewerSummary(String viewingId, double[] trackVisibleMs, double[] trackDwellMs, double[] eventStartS,
        double[] eventEndS, int[] hitEvent, int[] hitTrack) {}
