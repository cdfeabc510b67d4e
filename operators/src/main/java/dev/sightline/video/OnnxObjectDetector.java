package dev.sightline.video;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A user-supplied ONNX detection model run with ONNX Runtime: the picture is resized to the
 * model's square input (RGB, 0-1, NCHW); YOLO-style output is decoded, either
 * {@code [1, boxes, 5 + classes]} (centre x, centre y, width, height, objectness, class scores;
 * YOLOv5) or {@code [1, 4 + classes, boxes]} (no objectness; YOLOv8), then thresholded and
 * de-duplicated by per-class non-maximum suppression.
 */
public final class OnnxObjectDetector implements ObjectDetector {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;
    private final int inputSize;
    private final Decoder decoder;
    private final Mat resized = new Mat();

    /**
     * @param model the .onnx file
     * @param inputSize the model's square input side in pixels (e.g. 640)
     * @param labels class names in output order
     */
    public OnnxObjectDetector(Path model, int inputSize, List<String> labels, double minScore, double nmsIou) throws OrtException {
        this.session = environment.createSession(model.toString(), new OrtSession.SessionOptions());
        this.inputName = session.getInputNames().iterator().next();
        this.inputSize = inputSize;
        this.decoder = new Decoder(List.copyOf(labels), minScore, nmsIou);
    }

    @Override
    public List<Detection> detect(Mat bgr) {
        opencv_imgproc.resize(bgr, resized, new Size(inputSize, inputSize), 0, 0, opencv_imgproc.INTER_LINEAR);
        float[] chw = new float[3 * inputSize * inputSize];
        int plane = inputSize * inputSize;
        try (UByteIndexer pixels = resized.createIndexer()) {
            for (int y = 0; y < inputSize; y++) {
                for (int x = 0; x < inputSize; x++) {
                    int i = y * inputSize + x;
                    chw[i] = pixels.get(y, x, 2) / 255f; // R
                    chw[plane + i] = pixels.get(y, x, 1) / 255f; // G
                    chw[2 * plane + i] = pixels.get(y, x, 0) / 255f; // B
                }
            }
        }
        double sx = bgr.cols() / (double) inputSize;
        double sy = bgr.rows() / (double) inputSize;
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(chw), new long[] {1, 3, inputSize, inputSize});
                OrtSession.Result result = session.run(Map.of(inputName, input))) {
            float[][][] output = (float[][][]) result.get(0).getValue();
            return decoder.decode(output[0], sx, sy);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX model failed: " + e.getMessage(), e);
        }
    }

    /** Decodes YOLO-style rows into detections: thresholds, picture coordinates, NMS. */
    public record Decoder(List<String> labels, double minScore, double nmsIou) {

        /** Detections of one output {@code rows} ({@code [boxes][5 + classes]} or {@code [4 + classes][boxes]}). */
        public List<Detection> decode(float[][] rows, double sx, double sy) {
            int classes = labels.size();
            boolean transposed = rows.length == 4 + classes && rows[0].length != 5 + classes;
            int count = transposed ? rows[0].length : rows.length;
            List<Detection> out = new ArrayList<>();
            for (int b = 0; b < count; b++) {
                float[] v = new float[transposed ? 4 + classes : rows[b].length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = transposed ? rows[k][b] : rows[b][k];
                }
                int first = transposed ? 4 : 5;
                double objectness = transposed ? 1 : v[4];
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (v[first + c] > v[first + best]) {
                        best = c;
                    }
                }
                double score = objectness * v[first + best];
                if (score < minScore) {
                    continue;
                }
                double w = v[2] * sx;
                double h = v[3] * sy;
                out.add(new Detection(labels.get(best), score, new Box(v[0] * sx - w / 2, v[1] * sy - h / 2, w, h)));
            }
            return nms(out);
        }

        /** Greedy non-maximum suppression per label, best score first. */
        private List<Detection> nms(List<Detection> candidates) {
            List<Detection> sorted = new ArrayList<>(candidates);
            sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
            List<Detection> kept = new ArrayList<>();
            for (Detection d : sorted) {
                if (kept.stream().noneMatch(k -> k.label().equals(d.label()) && k.box().iou(d.box()) > nmsIou)) {
                    kept.add(d);
                }
            }
            return kept;
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session releases native memory; nothing to report
        }
        resized.close();
    }
}
