package dev.sightline.video;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2d;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Class-agnostic detection of moving regions, labelled {@code moving-object}: each sampled frame
 * is compared with the frames about {@link #MAX_GAP_US} before and after it in its batch (the
 * batch's analysis pictures), each aligned first by the camera's shift (phase correlation, so a
 * still or slowly panning camera), and what changed against both is grouped into boxes.
 * Everything it needs travels in the batch, so any task can score any batch and get the same
 * boxes. Not thread-safe.
 */
final class MovingRegions implements AutoCloseable {

    /** The label of its detections. */
    static final String LABEL = "moving-object";
    /** The farthest a reference frame may be from the sampled one. */
    static final long MAX_GAP_US = 160_000;
    /** Grey-level change (of 255, after a 3 x 3 blur) that counts as motion. */
    static final int THRESHOLD = 24;
    /** More than this share of the picture changing is a cut, a flash or a shake, not objects. */
    static final double MAX_CHANGED_SHARE = 0.35;
    /** Regions smaller than this share of the picture are noise. */
    static final double MIN_AREA_SHARE = 0.0012;
    /** A camera shift larger than this share of the width is not trusted. */
    static final double MAX_SHIFT_SHARE = 0.2;
    /** Masks are grown by this many analysis pixels, so the parts of one object join. */
    static final int GROW = 2;

    private final Mat first = new Mat();
    private final Mat second = new Mat();
    private final Mat binary = new Mat();
    private final Mat dilated = new Mat();
    private final Mat components = new Mat();
    private final Mat stats = new Mat();
    private final Mat centroids = new Mat();
    private final Mat square = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_RECT, new Size(2 * GROW + 1, 2 * GROW + 1));

    /** The moving regions of the sampled frame at {@code position}, in displayed-frame pixels. */
    List<ObjectDetector.Detection> detect(FrameBatch batch, int position) {
        int w = batch.width();
        int h = batch.height();
        if (w == 0 || h == 0) {
            return List.of();
        }
        float[] current = grey(batch, position);
        load(current, w, h, second);
        boolean[] either = null;
        boolean[] both = null;
        for (int reference : references(batch, position)) {
            boolean[] changed = changed(current, grey(batch, reference), w, h);
            if (changed == null) {
                continue;
            }
            boolean[] grown = grow(changed, w, h);
            if (either == null) {
                either = grown;
                both = grown.clone();
            } else {
                for (int i = 0; i < grown.length; i++) {
                    either[i] |= grown[i];
                    both[i] &= grown[i];
                }
            }
        }
        if (either == null) {
            return List.of();
        }
        int count = 0;
        for (boolean m : either) {
            count += m ? 1 : 0;
        }
        if (count > MAX_CHANGED_SHARE * w * h) {
            return List.of();
        }
        // What changed against either reference joins an object's parts into one region; what
        // changed against both is where the object is now (against one only: where it was or will
        // be), so the box is drawn around the latter.
        int[] labels = new int[w * h];
        List<int[]> regions = regions(either, w, h, labels);
        int[][] now = new int[regions.size()][];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > 0 && both[i]) {
                int[] b = now[labels[i] - 1];
                int x = i % w;
                int y = i / w;
                if (b == null) {
                    now[labels[i] - 1] = new int[] {x, y, x, y, 1};
                } else {
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.min(b[1], y);
                    b[2] = Math.max(b[2], x);
                    b[3] = Math.max(b[3], y);
                    b[4]++;
                }
            }
        }
        double toDisplayed = batch.detectionWidth() / batch.detectionScale() / w;
        List<ObjectDetector.Detection> out = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            int[] region = regions.get(r);
            int[] b = now[r];
            if (region[4] < MIN_AREA_SHARE * w * h || b == null || b[4] < MIN_AREA_SHARE * w * h / 4) {
                continue;
            }
            double bw = Math.max(1, b[2] - b[0] + 1 - 2 * GROW);
            double bh = Math.max(1, b[3] - b[1] + 1 - 2 * GROW);
            double x = b[0] + GROW;
            double y = b[1] + GROW;
            double fill = b[4] / (double) ((b[2] - b[0] + 1) * (b[3] - b[1] + 1));
            out.add(new ObjectDetector.Detection(LABEL, Math.min(1, fill), new Box(x, y, bw, bh).scaled(toDisplayed)));
        }
        return out;
    }

    /** Positions (-1: the batch's previous picture) of the farthest frames within the gap before and after. */
    private static List<Integer> references(FrameBatch batch, int position) {
        long t = batch.timestampsUs()[position];
        List<Integer> out = new ArrayList<>();
        int before = Integer.MIN_VALUE;
        for (int p = position - 1; p >= 0 && t - batch.timestampsUs()[p] <= MAX_GAP_US; p--) {
            before = p;
        }
        if (before == Integer.MIN_VALUE && position == 0 && batch.previous() != null) {
            before = -1;
        }
        if (before != Integer.MIN_VALUE) {
            out.add(before);
        }
        int after = Integer.MIN_VALUE;
        for (int p = position + 1; p < batch.size() && batch.timestampsUs()[p] - t <= MAX_GAP_US; p++) {
            after = p;
        }
        if (after != Integer.MIN_VALUE) {
            out.add(after);
        }
        return out;
    }

    /** The blurred grey levels of the analysis picture at {@code position} (-1: previous). */
    private static float[] grey(FrameBatch batch, int position) {
        int w = batch.width();
        int h = batch.height();
        byte[] source = position < 0 ? batch.previous() : batch.pictures();
        int offset = position < 0 ? 0 : position * batch.pictureBytes();
        float[] plain = new float[w * h];
        for (int i = 0; i < plain.length; i++) {
            int o = offset + 3 * i;
            plain[i] = 0.114f * (source[o] & 0xff) + 0.587f * (source[o + 1] & 0xff) + 0.299f * (source[o + 2] & 0xff);
        }
        float[] blurred = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                int n = 0;
                for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                    for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                        sum += plain[yy * w + xx];
                        n++;
                    }
                }
                blurred[y * w + x] = sum / n;
            }
        }
        return blurred;
    }

    /** Where {@code current} differs from {@code reference} shifted by the camera's motion; null when the shift is not trusted. */
    private boolean[] changed(float[] current, float[] reference, int w, int h) {
        load(reference, w, h, first); // the current picture is in second already
        Point2d shift = opencv_imgproc.phaseCorrelate(first, second);
        double sx = shift.x();
        double sy = shift.y();
        shift.close();
        if (!(Math.abs(sx) <= MAX_SHIFT_SHARE * w && Math.abs(sy) <= MAX_SHIFT_SHARE * h)) {
            return null;
        }
        int dx = (int) Math.round(sx);
        int dy = (int) Math.round(sy);
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int ry = y - dy;
            if (ry < 0 || ry >= h) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                int rx = x - dx;
                if (rx >= 0 && rx < w && Math.abs(current[y * w + x] - reference[ry * w + rx]) > THRESHOLD) {
                    out[y * w + x] = true;
                }
            }
        }
        return out;
    }

    private static void load(float[] grey, int w, int h, Mat target) {
        target.create(h, w, opencv_core.CV_32FC1);
        try (FloatPointer data = new FloatPointer(target.data())) {
            data.put(grey);
        }
    }

    /** The mask grown by {@link #GROW} pixels in every direction (dilated with a square). */
    private boolean[] grow(boolean[] mask, int w, int h) {
        load(mask, w, h, binary);
        opencv_imgproc.dilate(binary, dilated, square);
        byte[] bytes = new byte[w * h];
        try (BytePointer data = new BytePointer(dilated.data())) {
            data.get(bytes);
        }
        boolean[] out = new boolean[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes[i] != 0;
        }
        return out;
    }

    /**
     * Connected regions (8-neighbours) of the mask: x, y, width, height, pixel count; in the order
     * of their first pixel in scan order; {@code label} gets each pixel's region from 1 (0: none).
     */
    private List<int[]> regions(boolean[] mask, int w, int h, int[] label) {
        load(mask, w, h, binary);
        int n = opencv_imgproc.connectedComponentsWithStats(binary, components, stats, centroids, 8, opencv_core.CV_32S);
        try (IntPointer data = new IntPointer(components.data())) {
            data.get(label);
        }
        int[] order = new int[n]; // OpenCV's label -> its rank by first pixel, from 1
        int ranked = 0;
        for (int i = 0; i < label.length; i++) {
            int l = label[i];
            if (l > 0 && order[l] == 0) {
                order[l] = ++ranked;
            }
        }
        for (int i = 0; i < label.length; i++) {
            label[i] = order[label[i]];
        }
        int[][] byRank = new int[ranked][];
        try (IntIndexer s = stats.createIndexer()) {
            for (int l = 1; l < n; l++) {
                byRank[order[l] - 1] = new int[] {s.get(l, opencv_imgproc.CC_STAT_LEFT), s.get(l, opencv_imgproc.CC_STAT_TOP),
                    s.get(l, opencv_imgproc.CC_STAT_WIDTH), s.get(l, opencv_imgproc.CC_STAT_HEIGHT), s.get(l, opencv_imgproc.CC_STAT_AREA)};
            }
        }
        return List.of(byRank);
    }

    private static void load(boolean[] mask, int w, int h, Mat target) {
        byte[] bytes = new byte[w * h];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = mask[i] ? (byte) 255 : 0;
        }
        target.create(h, w, opencv_core.CV_8UC1);
        try (BytePointer data = new BytePointer(target.data())) {
            data.put(bytes);
        }
    }

    @Override
    public void close() {
        first.close();
        second.close();
        binary.close();
        dilated.close();
        components.close();
        stats.close();
        centroids.close();
        square.close();
    }
}
