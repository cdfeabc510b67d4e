package dev.sightline.attention;

/** The rows the gaze-video join writes, one record type per table. */
public final class AttentionRows {

    private AttentionRows() {}

    /** A row of {@code gaze_object_hits}: one fixation or pursuit on one tracked box. */
    public record Hit(
            String uri, String version, String recordingId, String eventKind, long eventIndex, String stimulusKey, String videoUri,
            String videoId, long trackId, String label, long sceneIndex, double eventStartMs, double startTimeS, double endTimeS,
            double durationMs, double onBoxMs, double distanceDeg) {}

    /** A row of {@code gaze_track_attention}: one recording's attention on one track. */
    public record TrackAttention(
            String uri, String version, String recordingId, long segmentIndex, String videoUri, String videoId, long trackId,
            String label, double visibleMs, double dwellMs, double dwellShare, double timeToFirstFixationMs,
            double firstFixationDurationMs, long fixationCount, long pursuitCount, long visits, long revisits) {}

    /** A row of {@code gaze_scene_attention}: one recording's attention within one scene. */
    public record SceneAttention(
            String uri, String version, String recordingId, long segmentIndex, String videoUri, String videoId, String sceneDetector,
            long sceneIndex, double startTimeS, double endTimeS, double viewedMs, double dwellOnObjectsMs, double dwellElsewhereMs,
            long fixationCount, double dispersionDeg, long topTrackId, double topTrackDwellMs) {}

    /** A row of {@code video_attention}: one track over every viewer of the video so far. */
    public record VideoAttention(
            String videoUri, String videoVersion, String videoId, String stimulusKey, long trackId, String label, long viewersTotal,
            long viewers, long viewersLooked, double meanDwellMs, double meanDwellShare, double coAttention, double synchrony,
            long synchronyBins) {}
}
