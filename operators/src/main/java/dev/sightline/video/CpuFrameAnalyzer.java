package dev.sightline.video;

import org.bytedeco.opencv.opencv_core.Mat;

/** The CPU {@link FrameAnalyzer}: OpenCV's HSV content score and the configured detectors. */
public final class CpuFrameAnalyzer implements FrameAnalyzer {

    private final FrameDetectors detectors;
    private final HsvDifference difference = new HsvDifference();
    private final Mat picture = new Mat();

    public CpuFrameAnalyzer(DetectionSettings detection) {
        this.detectors = new FrameDetectors(detection, null);
    }

    @Override
    public FrameAnalysis analyze(FrameBatch batch) {
        double[] scores = new double[batch.size()];
        difference.restart();
        if (batch.previous() != null) {
            difference.score(PackedPictures.load(batch.previous(), 0, batch.width(), batch.height(), picture));
        }
        for (int i = 0; i < batch.size(); i++) {
            scores[i] = difference.score(PackedPictures.load(batch.pictures(), i * batch.pictureBytes(), batch.width(), batch.height(), picture));
        }
        return new FrameAnalysis(scores, detectors.detect(batch));
    }

    @Override
    public void close() {
        detectors.close();
        difference.close();
        picture.close();
    }
}
