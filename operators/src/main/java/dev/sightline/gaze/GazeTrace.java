package dev.sightline.gaze;

import java.util.Arrays;

/**
 * A stretch of one recording's samples in columns (time, position, pupil, validity) with the
 * per-sample results of cleaning and detection (position in degrees, velocity, label). Reused
 * across chunks: a bounded window, never the whole recording.
 */
public final class GazeTrace {

    int size;
    long[] timeUs;
    double[] xPx;
    double[] yPx;
    double[] pupil;
    /** True where the tracker reported a usable sample. */
    boolean[] valid;
    /** True where a short gap was filled by interpolation. */
    boolean[] interpolated;
    double[] xDeg;
    double[] yDeg;
    /** Angular speed, degrees per second; NaN where it cannot be computed. */
    double[] velocity;
    byte[] labels;

    public GazeTrace(int capacity) {
        allocate(Math.max(16, capacity));
    }

    private void allocate(int capacity) {
        timeUs = new long[capacity];
        xPx = new double[capacity];
        yPx = new double[capacity];
        pupil = new double[capacity];
        valid = new boolean[capacity];
        interpolated = new boolean[capacity];
        xDeg = new double[capacity];
        yDeg = new double[capacity];
        velocity = new double[capacity];
        labels = new byte[capacity];
    }

    /** Appends one sample. */
    public void add(long timeUs, double xPx, double yPx, double pupil, boolean valid) {
        if (size == this.timeUs.length) {
            grow(size * 2);
        }
        int i = size++;
        this.timeUs[i] = timeUs;
        this.xPx[i] = valid ? xPx : Double.NaN;
        this.yPx[i] = valid ? yPx : Double.NaN;
        this.pupil[i] = pupil;
        this.valid[i] = valid;
        this.interpolated[i] = false;
        this.labels[i] = GazeLabel.NONE;
    }

    private void grow(int capacity) {
        timeUs = Arrays.copyOf(timeUs, capacity);
        xPx = Arrays.copyOf(xPx, capacity);
        yPx = Arrays.copyOf(yPx, capacity);
        pupil = Arrays.copyOf(pupil, capacity);
        valid = Arrays.copyOf(valid, capacity);
        interpolated = Arrays.copyOf(interpolated, capacity);
        xDeg = Arrays.copyOf(xDeg, capacity);
        yDeg = Arrays.copyOf(yDeg, capacity);
        velocity = Arrays.copyOf(velocity, capacity);
        labels = Arrays.copyOf(labels, capacity);
    }

    /** Drops the samples before {@code from}, keeping the rest at the start. */
    void dropBefore(int from) {
        int keep = size - from;
        System.arraycopy(timeUs, from, timeUs, 0, keep);
        System.arraycopy(xPx, from, xPx, 0, keep);
        System.arraycopy(yPx, from, yPx, 0, keep);
        System.arraycopy(pupil, from, pupil, 0, keep);
        System.arraycopy(valid, from, valid, 0, keep);
        System.arraycopy(interpolated, from, interpolated, 0, keep);
        System.arraycopy(xDeg, from, xDeg, 0, keep);
        System.arraycopy(yDeg, from, yDeg, 0, keep);
        System.arraycopy(velocity, from, velocity, 0, keep);
        System.arraycopy(labels, from, labels, 0, keep);
        size = keep;
    }

    public int size() {
        return size;
    }

    public byte label(int i) {
        return labels[i];
    }

    public long timeUs(int i) {
        return timeUs[i];
    }

    public double velocity(int i) {
        return velocity[i];
    }

    /** A copy of the labels of the first {@code size()} samples. */
    public byte[] labels() {
        return Arrays.copyOf(labels, size);
    }
}
