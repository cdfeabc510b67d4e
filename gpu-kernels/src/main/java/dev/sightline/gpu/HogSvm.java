package dev.sightline.gpu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A linear SVM over HOG descriptors: 3780 weights in OpenCV's descriptor order (blocks column by
 * column, within a block its 2x2 cells column by column, 9 bins each) and a bias added to the dot
 * product. {@link #defaultPeople()} is OpenCV's default people detector, read from the resource
 * {@code hog-people-svm.txt}.
 */
public final class HogSvm {

    /** Number of weights: 7x15 blocks of 2x2 cells of 9 bins. */
    public static final int WEIGHTS = 3780;

    private static final String RESOURCE = "/dev/sightline/gpu/hog-people-svm.txt";

    private final float[] weights;
    private final float bias;

    private HogSvm(float[] weights, float bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** OpenCV's default people detector (Dalal and Triggs, INRIA), read from the classpath. */
    public static HogSvm defaultPeople() {
        try (InputStream in = HogSvm.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("HOG people SVM resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HOG people SVM resource " + RESOURCE, e);
        }
    }

    private static HogSvm parse(InputStream in) throws IOException {
        float[] values = new float[WEIGHTS + 1];
        int n = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (n == values.length) {
                throw new IllegalStateException("HOG people SVM resource has more than " + values.length + " values");
            }
            values[n++] = Float.parseFloat(text);
        }
        if (n != values.length) {
            throw new IllegalStateException("HOG people SVM resource has " + n + " values, expected " + values.length);
        }
        return new HogSvm(Arrays.copyOf(values, WEIGHTS), values[WEIGHTS]);
    }

    /** Weight {@code index} (0..3779). */
    public float weight(int index) {
        return weights[index];
    }

    /** A copy of the 3780 weights. */
    public float[] weights() {
        return weights.clone();
    }

    /** The bias (OpenCV's free coefficient), added to the dot product. */
    public float bias() {
        return bias;
    }
}
