package dev.sightline.video;

import java.util.List;

/** The rows the video analysis writes, one record type per table. */
public final class VideoRows {

    private VideoRows() {}

    /** The first frames of the scenes after the first, for one scene detector. */
    public static List<Long> cuts(List<Scene> scenes, String detector) {
        return scenes.stream().filter(s -> s.detector().equals(detector) && s.sceneIndex() > 0).map(Scene::startFrame).toList();
    }

    /** A row of {@code video_scenes}. */
    public record Scene(
            String uri, String version, String videoId, String detector, long sceneIndex, long startFrame, long endFrame,
            double startTimeS, double endTimeS, double cutScore, String keyframeUri) {}

    /** A row of {@code video_detections}: one box in one analysed frame. */
    public record Detection(
            String uri, String version, String videoId, long frame, double timeS, String label, double score,
            double x, double y, double width, double height, long trackId) {}

    /** A row of {@code video_tracks}: one object followed across frames. */
    public record Track(
            String uri, String version, String videoId, long trackId, String label, double firstTimeS, double lastTimeS,
            long frames, double meanX, double meanY, double meanWidth, double meanHeight, double meanScore) {}

    /** A row of {@code video_summary}. */
    public record Summary(
            String uri, String version, String videoId, String container, String codec, long width, long height,
            double fps, double durationS, long framesDecoded, double rotationDeg, long scenes, long tracks,
            boolean partial, String problem, double processingS) {}
}
