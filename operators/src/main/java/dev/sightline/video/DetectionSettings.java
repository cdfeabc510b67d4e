package dev.sightline.video;

import java.io.Serializable;

/**
 * Person and face detection and tracking parameters.
 *
 * @param framesPerSecond how many frames per second of video are analysed (0 disables detection)
 * @param detectionWidth frames are scaled up or down to this width for detection (HOG needs people
 *     about 100 px tall: on vtest.avi, recall 0.28 at 768 px and 0.72 at 1152 px)
 * @param people run OpenCV's HOG people detector
 * @param faces run the Haar frontal-face cascade shipped with OpenCV
 * @param minScore detections scoring lower are dropped (HOG SVM margin; cascades score 1)
 * @param maxAgeFrames a track survives this many analysed frames without a match
 * @param minHits a track is confirmed (gets an id) after this many matches
 * @param minIou least overlap to associate a detection with a track's predicted box
 * @param onnx a user's ONNX model to run as well, or null
 * @param movingObjects find moving regions of any class ({@link MovingRegions}), tracked as {@code moving-object}
 */
public record DetectionSettings(
        double framesPerSecond, int detectionWidth, boolean people, boolean faces, double minScore, int maxAgeFrames,
        int minHits, double minIou, OnnxModel onnx, boolean movingObjects) implements Serializable {

    /** A user's YOLO-style ONNX model: file, square input side, class labels, thresholds. */
    public record OnnxModel(String path, int inputSize, java.util.List<String> labels, double minScore, double nmsIou)
            implements Serializable {
        public OnnxModel {
            labels = java.util.List.copyOf(labels);
        }
    }

    public static final DetectionSettings DEFAULTS = new DetectionSettings(5, 1152, true, true, 0.3, 3, 3, 0.3, null, true);
    public static final DetectionSettings OFF = new DetectionSettings(0, 1152, false, false, 0.3, 3, 3, 0.3, null, false);

    /** People, faces and a user's model, without moving regions. */
    public DetectionSettings(double framesPerSecond, int detectionWidth, boolean people, boolean faces, double minScore,
            int maxAgeFrames, int minHits, double minIou, OnnxModel onnx) {
        this(framesPerSecond, detectionWidth, people, faces, minScore, maxAgeFrames, minHits, minIou, onnx, false);
    }

    public DetectionSettings(double framesPerSecond, int detectionWidth, boolean people, boolean faces, double minScore,
            int maxAgeFrames, int minHits, double minIou) {
        this(framesPerSecond, detectionWidth, people, faces, minScore, maxAgeFrames, minHits, minIou, null);
    }

    /** The same detection with other tracker patience and confirmation. */
    public DetectionSettings withTracking(int otherMaxAgeFrames, int otherMinHits) {
        return new DetectionSettings(framesPerSecond, detectionWidth, people, faces, minScore, otherMaxAgeFrames, otherMinHits, minIou, onnx, movingObjects);
    }

    /** The same detection with moving regions on or off. */
    public DetectionSettings withMovingObjects(boolean on) {
        return new DetectionSettings(framesPerSecond, detectionWidth, people, faces, minScore, maxAgeFrames, minHits, minIou, onnx, on);
    }

    public boolean enabled() {
        return framesPerSecond > 0 && (people || faces || onnx != null || movingObjects);
    }
}
