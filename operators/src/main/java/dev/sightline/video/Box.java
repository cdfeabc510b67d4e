package dev.sightline.video;

/** An axis-aligned box in pixels: left, top, width, height. */
public record Box(double x, double y, double width, double height) {

    public double area() {
        return Math.max(0, width) * Math.max(0, height);
    }

    /** Intersection over union with another box, 0 to 1. */
    public double iou(Box other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double right = Math.min(x + width, other.x + other.width);
        double bottom = Math.min(y + height, other.y + other.height);
        double intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    public Box scaled(double factor) {
        return new Box(x * factor, y * factor, width * factor, height * factor);
    }
}
