package dev.sightline.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * One level of the HOG detector's image pyramid, with the grid sizes its stages work on: the
 * level image ({@code width} x {@code height}, the frame resized by {@code 1/scale}), its gradient
 * field padded by 16 pixels on every side, the 16x16 blocks on the 8-pixel grid of that field and
 * the 64x128 windows on the same grid.
 */
public record HogLevel(double scale, int width, int height) {

    /** Detection window, pixels. */
    public static final int WINDOW_WIDTH = 64;
    /** Detection window, pixels. */
    public static final int WINDOW_HEIGHT = 128;
    /** Block side, pixels (2x2 cells of 8x8). */
    public static final int BLOCK = 16;
    /** Cell side, pixels; also the block stride and the window stride. */
    public static final int CELL = 8;
    /** Padding added on every side of the level image (OpenCV's padding 16x16, already a multiple of 8). */
    public static final int PADDING = 16;
    /** Orientation bins (unsigned gradients, 20 degrees each). */
    public static final int BINS = 9;
    /** Values in one block's histogram: 4 cells of 9 bins. */
    public static final int BLOCK_VALUES = 4 * BINS;
    /** Blocks across one window. */
    public static final int WINDOW_BLOCKS_X = (WINDOW_WIDTH - BLOCK) / CELL + 1;
    /** Blocks down one window. */
    public static final int WINDOW_BLOCKS_Y = (WINDOW_HEIGHT - BLOCK) / CELL + 1;
    /** Pyramid step (OpenCV's scale0). */
    public static final double SCALE_STEP = 1.05;
    /** OpenCV's default number of pyramid levels at most. */
    public static final int MAX_LEVELS = 64;

    /** Padded gradient field width. */
    public int paddedWidth() {
        return width + 2 * PADDING;
    }

    /** Padded gradient field height. */
    public int paddedHeight() {
        return height + 2 * PADDING;
    }

    /** Blocks across the padded field (blocks at x = 0, 8, 16, ... while they fit). */
    public int blocksX() {
        return (paddedWidth() - BLOCK) / CELL + 1;
    }

    /** Blocks down the padded field. */
    public int blocksY() {
        return (paddedHeight() - BLOCK) / CELL + 1;
    }

    /** Windows across the padded field. */
    public int windowsX() {
        return (paddedWidth() - WINDOW_WIDTH) / CELL + 1;
    }

    /** Windows down the padded field. */
    public int windowsY() {
        return (paddedHeight() - WINDOW_HEIGHT) / CELL + 1;
    }

    /** Windows in this level. */
    public int windows() {
        return windowsX() * windowsY();
    }

    /**
     * The pyramid OpenCV's detectMultiScale searches for a {@code width} x {@code height} frame:
     * scales 1, 1.05, 1.05^2, ... (at most 64) while the frame scaled by 1/scale (sizes rounded half
     * to even, as cvRound) is at least one window; the first level is the frame itself.
     */
    public static List<HogLevel> pyramid(int width, int height) {
        List<HogLevel> levels = new ArrayList<>();
        double scale = 1;
        for (int i = 0; i < MAX_LEVELS; i++) {
            int w = (int) Math.rint(width / scale);
            int h = (int) Math.rint(height / scale);
            if (w < WINDOW_WIDTH || h < WINDOW_HEIGHT) {
                break;
            }
            levels.add(new HogLevel(scale, w, h));
            scale *= SCALE_STEP;
        }
        return levels;
    }
}
