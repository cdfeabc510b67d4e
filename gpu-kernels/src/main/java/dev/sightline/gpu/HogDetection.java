package dev.sightline.gpu;

/**
 * A person found by the HOG detector: the detection window in full-image pixels (before any
 * tightening to the person inside it) and the SVM score (the largest of its group's windows).
 */
public record HogDetection(int x, int y, int width, int height, double score) {

    /** Intersection over union of this window and {@code other}'s. */
    public double iou(HogDetection other) {
        int ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        int iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        double inter = (double) ix * iy;
        double union = (double) width * height + (double) other.width * other.height - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
