package dev.sightline.video;

import java.util.Arrays;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Packs one video's decoded frames into {@link FrameBatch}es of a fixed size as they come. */
final class Batches {

    private final String key;
    private final int capacity;
    private final int width;
    private final int height;
    private final int detectionWidth;
    private final int detectionHeight;
    private final double detectionScale;
    private final Consumer<FrameBatch> out;
    private final long[] frames;
    private final long[] timestamps;
    private final byte[] pictures;
    private final int[] sampled;
    private final byte[][] pendingDetections;
    private byte[] previous;
    private int size;
    private int samples;
    private int sent;

    Batches(String key, int capacity, int width, int height, int detectionWidth, int detectionHeight, double detectionScale,
            Consumer<FrameBatch> out) {
        this.key = key;
        this.capacity = capacity;
        this.width = width;
        this.height = height;
        this.detectionWidth = detectionWidth;
        this.detectionHeight = detectionHeight;
        this.detectionScale = detectionScale;
        this.out = out;
        this.frames = new long[capacity];
        this.timestamps = new long[capacity];
        this.pictures = new byte[capacity * width * height * 3];
        this.sampled = new int[capacity];
        this.pendingDetections = new byte[capacity][];
    }

    /** Adds a frame: its analysis picture and, when sampled for detection, its detection picture. */
    void add(long frame, long timestampUs, Mat analysed, Mat detection) {
        if (analysed.cols() != width || analysed.rows() != height) {
            throw new IllegalStateException("frame " + frame + " is " + analysed.cols() + "x" + analysed.rows()
                    + ", not the video's " + width + "x" + height);
        }
        frames[size] = frame;
        timestamps[size] = timestampUs;
        PackedPictures.copy(analysed, pictures, size * width * height * 3);
        if (detection != null) {
            sampled[samples] = size;
            pendingDetections[samples] = PackedPictures.bytes(detection);
            samples++;
        }
        size++;
        if (size == capacity) {
            flush();
        }
    }

    /** Sends the frames gathered so far, if any. */
    void flush() {
        if (size == 0) {
            return;
        }
        int pictureBytes = width * height * 3;
        int detectionBytes = detectionWidth * detectionHeight * 3;
        byte[] detections = new byte[samples * detectionBytes];
        for (int i = 0; i < samples; i++) {
            System.arraycopy(pendingDetections[i], 0, detections, i * detectionBytes, detectionBytes);
            pendingDetections[i] = null;
        }
        byte[] packed = Arrays.copyOf(pictures, size * pictureBytes);
        out.accept(new FrameBatch(key, sent, width, height, Arrays.copyOf(frames, size), Arrays.copyOf(timestamps, size), packed,
                previous, Arrays.copyOf(sampled, samples), detectionWidth, detectionHeight, detectionScale, detections, null));
        previous = Arrays.copyOfRange(packed, (size - 1) * pictureBytes, size * pictureBytes);
        sent++;
        size = 0;
        samples = 0;
    }

    /** Batches sent so far. */
    int sent() {
        return sent;
    }
}
