package dev.sightline.scenelist;

import dev.sightline.video.VideoRows;
import java.util.Comparator;
import java.util.List;

/**
 * The scenes one detector found in one video, as editors' tools take them: contiguous, numbered
 * from 1, with presentation times (correct for variable frame rate) and the stream's nominal
 * frame rate for frame-based timecodes.
 *
 * @param name the video's file name, for titles and clip names
 * @param sourceUri where the video is (a file: or s3: URI)
 * @param frameRate the frame rate the stream declares
 * @param durationS the video's duration, seconds
 * @param scenes in order
 */
public record SceneList(String name, String sourceUri, double frameRate, double durationS, List<Scene> scenes) {

    /**
     * One scene.
     *
     * @param number 1-based
     * @param startFrame first frame, 0-based decode order
     * @param endFrame first frame after the scene, 0-based (exclusive)
     * @param startS presentation time of the first frame
     * @param endS presentation time of the first frame after the scene, or the end of the video
     */
    public record Scene(int number, long startFrame, long endFrame, double startS, double endS) {

        /** Frames in the scene. */
        public long frames() {
            return endFrame - startFrame;
        }

        /** Length in seconds. */
        public double lengthS() {
            return endS - startS;
        }
    }

    public SceneList {
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            throw new IllegalArgumentException("a scene list needs the video's frame rate, not " + frameRate);
        }
        scenes = List.copyOf(scenes);
    }

    /** The scene list of {@code detector} from a video's {@code video_scenes} rows. */
    public static SceneList of(String name, String sourceUri, double frameRate, double durationS, List<VideoRows.Scene> rows,
            String detector) {
        List<VideoRows.Scene> mine = rows.stream().filter(r -> r.detector().equals(detector))
                .sorted(Comparator.comparingLong(VideoRows.Scene::sceneIndex)).toList();
        if (mine.isEmpty() && !rows.isEmpty()) {
            throw new IllegalArgumentException("no scenes of detector '" + detector + "'; the video has scenes of "
                    + rows.stream().map(VideoRows.Scene::detector).distinct().sorted().toList());
        }
        List<Scene> scenes = mine.stream()
                .map(r -> new Scene((int) r.sceneIndex() + 1, r.startFrame(), r.endFrame(), r.startTimeS(), r.endTimeS()))
                .toList();
        return new SceneList(name, sourceUri, frameRate, durationS, scenes);
    }
}
