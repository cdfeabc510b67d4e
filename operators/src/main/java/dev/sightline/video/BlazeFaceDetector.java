package dev.sightline.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * Faces with MediaPipe's BlazeFace full-range model (Apache-2.0, shipped in this jar, run by
 * OpenCV's DNN module): the picture is letterboxed into the model's 192 x 192 input, each of the
 * 2,304 anchors (a 48 x 48 grid) gives a score and a box offset, and overlapping boxes are
 * suppressed. Scores are probabilities. Not thread-safe.
 */
public final class BlazeFaceDetector implements ObjectDetector {

    /** The model's path among the jar's resources. */
    public static final String MODEL = "/models/blazeface/face_detection_full_range.tflite";
    /** The label of its detections. */
    public static final String LABEL = "face";
    /** MediaPipe's own score threshold for the full-range model. */
    public static final double DEFAULT_MIN_SCORE = 0.6;

    private static final int INPUT = 192;
    private static final int GRID = 48;
    private static final double NMS_IOU = 0.3;

    private final Net net;
    private final double minScore;
    private final Mat square = new Mat();
    private final StringVector outputs;

    public BlazeFaceDetector(double minScore) {
        this.minScore = minScore;
        byte[] model;
        try (InputStream in = BlazeFaceDetector.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("the BlazeFace model " + MODEL + " is missing from the class path");
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BlazeFace model", e);
        }
        net = opencv_dnn.readNetFromTFLite(model);
        if (net.empty()) {
            throw new IllegalStateException("OpenCV cannot load the BlazeFace model");
        }
        outputs = net.getUnconnectedOutLayersNames();
    }

    @Override
    public List<Detection> detect(Mat bgr) {
        int w = bgr.cols();
        int h = bgr.rows();
        if (w < 16 || h < 16) {
            return List.of();
        }
        double scale = (double) INPUT / Math.max(w, h);
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        int left = (INPUT - sw) / 2;
        int top = (INPUT - sh) / 2;
        square.create(INPUT, INPUT, opencv_core.CV_8UC3);
        square.put(Scalar.all(0));
        try (Mat resized = new Mat(); Rect at = new Rect(left, top, sw, sh); Mat roi = square.apply(at)) {
            opencv_imgproc.resize(bgr, resized, new Size(sw, sh), 0, 0, opencv_imgproc.INTER_AREA);
            resized.copyTo(roi);
        }
        float[] boxes = new float[GRID * GRID * 16];
        float[] scores = new float[GRID * GRID];
        try (Mat blob = opencv_dnn.blobFromImage(square, 1 / 127.5, new Size(INPUT, INPUT), new Scalar(127.5, 127.5, 127.5, 0), true, false,
                opencv_core.CV_32F); MatVector out = new MatVector()) {
            net.setInput(blob);
            net.forward(out, outputs);
            for (int i = 0; i < out.size(); i++) {
                Mat m = out.get(i);
                long n = m.total();
                try (FloatPointer data = new FloatPointer(m.data())) {
                    if (n == boxes.length) {
                        data.get(boxes);
                    } else if (n == scores.length) {
                        data.get(scores);
                    } else {
                        throw new IllegalStateException("unexpected BlazeFace output of " + n + " values");
                    }
                }
            }
        }
        List<Detection> found = new ArrayList<>();
        for (int a = 0; a < scores.length; a++) {
            double logit = Math.max(-100, Math.min(100, scores[a]));
            double score = 1 / (1 + Math.exp(-logit));
            if (score < minScore) {
                continue;
            }
            double anchorX = (a % GRID + 0.5) / GRID;
            double anchorY = (a / GRID + 0.5) / GRID;
            double cx = boxes[16 * a] / INPUT + anchorX;
            double cy = boxes[16 * a + 1] / INPUT + anchorY;
            double bw = boxes[16 * a + 2] / INPUT;
            double bh = boxes[16 * a + 3] / INPUT;
            // model-input units back to picture pixels: undo the letterbox
            double x = ((cx - bw / 2) * INPUT - left) / scale;
            double y = ((cy - bh / 2) * INPUT - top) / scale;
            found.add(new Detection(LABEL, score, new Box(x, y, bw * INPUT / scale, bh * INPUT / scale)));
        }
        found.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : found) {
            if (kept.stream().noneMatch(k -> k.box().iou(d.box()) > NMS_IOU)) {
                kept.add(d);
            }
        }
        return kept;
    }

    @Override
    public void close() {
        net.close();
        square.close();
        outputs.close();
    }
}
