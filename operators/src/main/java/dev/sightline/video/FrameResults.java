package dev.sightline.video;

import java.util.ArrayList;
import java.util.List;

/**
 * One analysed {@link FrameBatch}: per frame its content score, per sampled frame its detections,
 * and JPEG thumbnails of the frames that may start a scene. A batch that could not be analysed
 * carries its frames with NaN scores and the reason in {@link #failure()}. Arrays are flat so the
 * record stays a Flink POJO.
 *
 * @param key the video's object version
 * @param sequence the batch's place in the video
 * @param frames each frame's decode index
 * @param timestampsUs each frame's presentation time
 * @param scores each frame's content score (NaN: first frame, or not analysed)
 * @param sampled positions of the frames sampled for detection
 * @param detectionSample for each detection, the index into {@code sampled} of its frame
 * @param labels each detection's label
 * @param detectionScores each detection's score
 * @param boxes each detection's box in displayed-frame pixels: x, y, width, height
 * @param thumbnailFrames frames whose thumbnails follow
 * @param thumbnails JPEG thumbnails of the analysis pictures of {@code thumbnailFrames}
 * @param failure why the batch was not analysed, or null
 * @param end the video's closing record, or null
 */
public record FrameResults(
        String key, int sequence, long[] frames, long[] timestampsUs, double[] scores, int[] sampled, int[] detectionSample,
        String[] labels, double[] detectionScores, double[] boxes, long[] thumbnailFrames, byte[][] thumbnails, String failure,
        VideoEnd end) {

    /** A JPEG thumbnail of one frame. */
    public record Thumbnail(long frame, byte[] jpeg) {}

    /** The results of an analysed batch. */
    public static FrameResults of(FrameBatch batch, FrameAnalysis analysis, List<Thumbnail> thumbnails) {
        if (analysis.scores().length != batch.size() || analysis.detections().size() != batch.sampled().length) {
            throw new IllegalStateException("the analyzer returned " + analysis.scores().length + " scores and "
                    + analysis.detections().size() + " detection lists for " + batch.size() + " frames and "
                    + batch.sampled().length + " samples");
        }
        List<Integer> owners = new ArrayList<>();
        List<ObjectDetector.Detection> all = new ArrayList<>();
        for (int i = 0; i < analysis.detections().size(); i++) {
            for (ObjectDetector.Detection d : analysis.detections().get(i)) {
                owners.add(i);
                all.add(d);
            }
        }
        int n = all.size();
        int[] sample = new int[n];
        String[] labels = new String[n];
        double[] scores = new double[n];
        double[] boxes = new double[4 * n];
        for (int i = 0; i < n; i++) {
            ObjectDetector.Detection d = all.get(i);
            sample[i] = owners.get(i);
            labels[i] = d.label();
            scores[i] = d.score();
            boxes[4 * i] = d.box().x();
            boxes[4 * i + 1] = d.box().y();
            boxes[4 * i + 2] = d.box().width();
            boxes[4 * i + 3] = d.box().height();
        }
        long[] thumbnailFrames = thumbnails.stream().mapToLong(Thumbnail::frame).toArray();
        byte[][] jpegs = thumbnails.stream().map(Thumbnail::jpeg).toArray(byte[][]::new);
        return new FrameResults(batch.key(), batch.sequence(), batch.frames(), batch.timestampsUs(), analysis.scores(),
                batch.sampled(), sample, labels, scores, boxes, thumbnailFrames, jpegs, null, null);
    }

    /** A batch that could not be analysed: its frames, no scores, no detections, the reason. */
    public static FrameResults failed(FrameBatch batch, String reason) {
        double[] scores = new double[batch.size()];
        java.util.Arrays.fill(scores, Double.NaN);
        return new FrameResults(batch.key(), batch.sequence(), batch.frames(), batch.timestampsUs(), scores, new int[0], new int[0],
                new String[0], new double[0], new double[0], new long[0], new byte[0][], reason, null);
    }

    /** The closing record passed through. */
    public static FrameResults closing(FrameBatch batch) {
        return new FrameResults(batch.key(), batch.sequence(), new long[0], new long[0], new double[0], new int[0], new int[0],
                new String[0], new double[0], new double[0], new long[0], new byte[0][], null, batch.end());
    }

    /** The detections of the {@code i}-th sampled frame. */
    public List<ObjectDetector.Detection> detections(int i) {
        List<ObjectDetector.Detection> out = new ArrayList<>();
        for (int d = 0; d < detectionSample.length; d++) {
            if (detectionSample[d] == i) {
                out.add(new ObjectDetector.Detection(labels[d], detectionScores[d],
                        new Box(boxes[4 * d], boxes[4 * d + 1], boxes[4 * d + 2], boxes[4 * d + 3])));
            }
        }
        return out;
    }
}
