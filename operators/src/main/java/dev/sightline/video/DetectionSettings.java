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
 * @param faceModel the face detector: {@link #BLAZEFACE} or {@link #HAAR}
 * @param trackFilter judge each confirmed track on its whole evidence ({@link TrackVerdict}) and drop the implausible
 */
public record DetectionSettings(
        double framesPerSecond, int detectionWidth, boolean people, boolean faces, double minScore, int maxAgeFrames,
        int minHits, double minIou, OnnxModel onnx, boolean movingObjects, String faceModel, boolean trackFilter)
        implements Serializable {

    /** MediaPipe's BlazeFace (full range) through OpenCV's DNN module. */
    public static final String BLAZEFACE = "blazeface";
    /** OpenCV's Haar frontal-face cascade. */
    public static final String HAAR = "haar";

    /** A user's YOLO-style ONNX model: file, square input side, class labels, thresholds. */
    public record OnnxModel(String path, int inputSize, java.util.List<String> labels, double minScore, double nmsIou)
            implements Serializable {
        public OnnxModel {
            labels = java.util.List.copyOf(labels);
        }
    }

    public static final DetectionSettings DEFAULTS = new DetectionSettings(5, 1152, true, true, 0.3, 3, 3, 0.3, null, true, BLAZEFACE, true);
    public static final DetectionSettings OFF = new DetectionSettings(0, 1152, false, false, 0.3, 3, 3, 0.3, null, false, BLAZEFACE, true);

    public DetectionSettings {
        if (!BLAZEFACE.equals(faceModel) && !HAAR.equals(faceModel)) {
            throw new IllegalArgumentException("unknown face model '" + faceModel + "' (known: blazeface, haar)");
        }
    }

    /** People, faces (Haar) and a user's model with moving regions or not, every confirmed track kept: the first object layer. */
    public DetectionSettings(double framesPerSecond, int detectionWidth, boolean people, boolean faces, double minScore,
            int maxAgeFrames, int minHits, double minIou, OnnxModel onnx, boolean movingObjects) {
        this(framesPerSecond, detectionWidth, people, faces, minScore, maxAgeFrames, minHits, minIou, onnx, movingObjects, HAAR, false);
    }

    /** People, faces (Haar) and a user's model, without moving regions, every confirmed track kept. */
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
        return new DetectionSettings(framesPerSecond, detectionWidth, people, faces, minScore, otherMaxAgeFrames, otherMinHits, minIou, onnx, movingObjects,
                faceModel, trackFilter);
    }

    /** The same detection with moving regions on or off. */
    public DetectionSettings withMovingObjects(boolean on) {
        return new DetectionSettings(framesPerSecond, detectionWidth, people, faces, minScore, maxAgeFrames, minHits, minIou, onnx, on, faceModel,
                trackFilter);
    }

    /** The same detection with another face model and the track filter on or off. */
    public DetectionSettings withFaces(String model, boolean filter) {
        return new DetectionSettings(framesPerSecond, detectionWidth, people, faces, minScore, maxAgeFrames, minHits, minIou, onnx,
                movingObjects, model, filter);
    }

    public boolean enabled() {
        return framesPerSecond > 0 && (people || faces || onnx != null || movingObjects);
    }
}
