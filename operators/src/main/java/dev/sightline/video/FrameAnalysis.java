package dev.sightline.video;

import java.util.List;

/**
 * What a {@link FrameAnalyzer} found in one batch.
 *
 * @param scores each frame's content score against the frame before it (NaN for a video's first frame)
 * @param detections for each sampled frame, its detections with boxes in displayed-frame pixels
 */
public record FrameAnalysis(double[] scores, List<List<ObjectDetector.Detection>> detections) {

    public FrameAnalysis {
        detections = detections.stream().map(List::copyOf).toList();
    }
}
