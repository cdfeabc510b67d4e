package dev.sightline.video;

import java.util.ArrayList;
import java.util.List;

/** Keeps every row of a video analysis in lists: one-shot analysis, benchmarks and tests. */
public class VideoRowLists implements VideoSink {
    public final List<VideoRows.Scene> scenes = new ArrayList<>();
    public final List<VideoRows.Detection> detections = new ArrayList<>();
    public final List<VideoRows.Track> tracks = new ArrayList<>();
    public final List<VideoRows.Summary> summaries = new ArrayList<>();
    public final List<String> problems = new ArrayList<>();

    @Override
    public void scene(VideoRows.Scene row) {
        scenes.add(row);
    }

    @Override
    public void summary(VideoRows.Summary row) {
        summaries.add(row);
    }

    @Override
    public void detection(VideoRows.Detection row) {
        detections.add(row);
    }

    @Override
    public void track(VideoRows.Track row) {
        tracks.add(row);
    }

    @Override
    public void problem(String message) {
        problems.add(message);
    }

    /** The first frames of the scenes after the first, for one detector. */
    public List<Long> cuts(String detector) {
        return scenes.stream().filter(s -> s.detector().equals(detector) && s.sceneIndex() > 0)
                .map(VideoRows.Scene::startFrame).toList();
    }
}
