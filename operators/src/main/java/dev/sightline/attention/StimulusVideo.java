package dev.sightline.attention;

import java.util.Arrays;
import org.apache.flink.util.OutputTag;

/**
 * A video's analysis as the gaze join needs it: size, frame rate, the scenes of its first scene
 * detector and the boxes of its confirmed tracks per analysed frame, under one stimulus key
 * (a video is sent once under {@code uri:<URI>} and once under {@code sha256:<hex>}).
 *
 * @param trackFirstBox boxes of track k are {@code [trackFirstBox[k], trackFirstBox[k + 1])}, in time order
 * @param boxes 4 values per box: x, y, width, height in video pixels
 */
public record StimulusVideo(
        String key, String uri, String version, String videoId, double width, double height, double fps, double durationS,
        String sceneDetector, long[] sceneIndexes, double[] sceneStartS, double[] sceneEndS, long[] trackIds, String[] trackLabels,
        int[] trackFirstBox, double[] boxTimeS, double[] boxes) {

    /** Where the video branch (and the offload results) send analysed videos. */
    public static final OutputTag<StimulusVideo> OUTPUT = new OutputTag<>("stimulus-videos") {};

    /** The number of tracks. */
    public int tracks() {
        return trackIds.length;
    }

    /** The same video under another key. */
    public StimulusVideo under(String otherKey) {
        return new StimulusVideo(otherKey, uri, version, videoId, width, height, fps, durationS, sceneDetector, sceneIndexes,
                sceneStartS, sceneEndS, trackIds, trackLabels, trackFirstBox, boxTimeS, boxes);
    }

    /** The scene holding a video time: its index into the scene arrays, or -1. */
    public int sceneAt(double timeS) {
        for (int i = 0; i < sceneStartS.length; i++) {
            if (timeS >= sceneStartS[i] && timeS < sceneEndS[i]) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StimulusVideo v && v.key.equals(key) && v.videoId.equals(videoId) && Arrays.equals(v.boxes, boxes)
                && Arrays.equals(v.trackIds, trackIds) && Arrays.equals(v.sceneStartS, sceneStartS);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + videoId.hashCode();
    }
}
