package dev.sightline.video;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The detectors the settings ask for (HOG people, BlazeFace or Haar faces, a user's ONNX model, moving regions), run on the
 * detection pictures of a batch; boxes come back in displayed-frame pixels. Not thread-safe.
 */
public final class FrameDetectors implements AutoCloseable {

    private final List<ObjectDetector> detectors = new ArrayList<>();
    private final MovingRegions moving;
    private final Mat picture = new Mat();

    /** The detectors {@code settings} enable, with {@code people} standing in for the HOG people detector if not null. */
    public FrameDetectors(DetectionSettings settings, ObjectDetector people) {
        moving = settings.movingObjects() ? new MovingRegions() : null;
        if (settings.people()) {
            detectors.add(people != null ? people : new HogPeopleDetector(settings.minScore()));
        }
        if (settings.faces()) {
            detectors.add(DetectionSettings.HAAR.equals(settings.faceModel()) ? new CascadeFaceDetector()
                    : new BlazeFaceDetector(BlazeFaceDetector.DEFAULT_MIN_SCORE));
        }
        if (settings.onnx() != null) {
            DetectionSettings.OnnxModel m = settings.onnx();
            try {
                detectors.add(new OnnxObjectDetector(java.nio.file.Path.of(m.path()), m.inputSize(), m.labels(), m.minScore(), m.nmsIou()));
            } catch (ai.onnxruntime.OrtException e) {
                throw new IllegalStateException("cannot load the ONNX model " + m.path() + ": " + e.getMessage(), e);
            }
        }
    }

    /** For each sampled frame of {@code batch}, its detections in displayed-frame pixels. */
    public List<List<ObjectDetector.Detection>> detect(FrameBatch batch) {
        List<List<ObjectDetector.Detection>> out = new ArrayList<>();
        int bytes = batch.detectionPictureBytes();
        for (int i = 0; i < batch.sampled().length; i++) {
            PackedPictures.load(batch.detectionPictures(), i * bytes, batch.detectionWidth(), batch.detectionHeight(), picture);
            List<ObjectDetector.Detection> found = new ArrayList<>();
            for (ObjectDetector detector : detectors) {
                for (ObjectDetector.Detection d : detector.detect(picture)) {
                    found.add(new ObjectDetector.Detection(d.label(), d.score(), d.box().scaled(1 / batch.detectionScale())));
                }
            }
            if (moving != null) {
                found.addAll(moving.detect(batch, batch.sampled()[i]));
            }
            out.add(found);
        }
        return out;
    }

    @Override
    public void close() {
        detectors.forEach(ObjectDetector::close);
        if (moving != null) {
            moving.close();
        }
        picture.close();
    }
}
