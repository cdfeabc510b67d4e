package dev.sightline.gpu;

/**
 * Which pixels of a 16x16 block vote into each of its four 8x8 cells, and with what weight: the
 * block's Gaussian window (sigma 4: exp(-(di^2 + dj^2) / 32) with di = row - 8, dj = col - 8)
 * times the bilinear spatial weight of the cell. Each cell gets 144 votes (the 12x12 pixels whose
 * interpolation reaches it), listed in the order OpenCV's HOGCache adds them (pixels touching one
 * cell first, then two, then four; each group column by column), so that a cell's float sums are
 * added in OpenCV's order. Cells are numbered as in OpenCV's descriptor: cell = cellX * 2 + cellY.
 * The CPU twin and the GPU kernel (the table is uploaded to global memory, read with __ldg) both use this table.
 */
public final class HogCellVotes {

    /** Votes per cell. */
    public static final int PER_CELL = 144;
    /** Cells per block. */
    public static final int CELLS = 4;

    private final int[] rows = new int[CELLS * PER_CELL];
    private final int[] cols = new int[CELLS * PER_CELL];
    private final float[] weights = new float[CELLS * PER_CELL];

    /** The table for OpenCV's default people HOG (16x16 blocks, 8x8 cells, window sigma 4). */
    public HogCellVotes() {
        int block = HogLevel.BLOCK;
        int cell = HogLevel.CELL;
        float sigma = 4f; // (blockSize.width + blockSize.height) / 8
        float scale = 1f / (sigma * sigma * 2);
        float[][] gauss = new float[block][block];
        for (int i = 0; i < block; i++) {
            for (int j = 0; j < block; j++) {
                float di = i - block * 0.5f;
                float dj = j - block * 0.5f;
                di *= di;
                dj *= dj;
                gauss[i][j] = (float) Math.exp(-(di + dj) * scale);
            }
        }
        // Pixels in OpenCV's pixData order: the three groups (1, 2, 4 cells), each column by column.
        int[] filled = new int[CELLS];
        for (int group = 1; group <= 4; group *= 2) {
            for (int j = 0; j < block; j++) {
                for (int i = 0; i < block; i++) {
                    float cellX = (j + 0.5f) / cell - 0.5f;
                    float cellY = (i + 0.5f) / cell - 0.5f;
                    int x0 = (int) Math.floor(cellX);
                    int y0 = (int) Math.floor(cellY);
                    int x1 = x0 + 1;
                    int y1 = y0 + 1;
                    cellX -= x0;
                    cellY -= y0;
                    boolean xBoth = x0 >= 0 && x1 < 2;
                    boolean yBoth = y0 >= 0 && y1 < 2;
                    int touches = (xBoth ? 2 : 1) * (yBoth ? 2 : 1);
                    if (touches != group) {
                        continue;
                    }
                    int[] cellsHit = new int[4];
                    float[] spatial = new float[4];
                    int n;
                    if (xBoth && yBoth) {
                        cellsHit[0] = x0 * 2 + y0;
                        spatial[0] = (1f - cellX) * (1f - cellY);
                        cellsHit[1] = x1 * 2 + y0;
                        spatial[1] = cellX * (1f - cellY);
                        cellsHit[2] = x0 * 2 + y1;
                        spatial[2] = (1f - cellX) * cellY;
                        cellsHit[3] = x1 * 2 + y1;
                        spatial[3] = cellX * cellY;
                        n = 4;
                    } else if (xBoth) {
                        if (y0 >= 0) {
                            y1 = y0;
                            cellY = 1f - cellY;
                        }
                        cellsHit[0] = x0 * 2 + y1;
                        spatial[0] = (1f - cellX) * cellY;
                        cellsHit[1] = x1 * 2 + y1;
                        spatial[1] = cellX * cellY;
                        n = 2;
                    } else {
                        if (x0 >= 0) {
                            x1 = x0;
                            cellX = 1f - cellX;
                        }
                        if (yBoth) {
                            cellsHit[0] = x1 * 2 + y0;
                            spatial[0] = cellX * (1f - cellY);
                            cellsHit[1] = x1 * 2 + y1;
                            spatial[1] = cellX * cellY;
                            n = 2;
                        } else {
                            if (y0 >= 0) {
                                y1 = y0;
                                cellY = 1f - cellY;
                            }
                            cellsHit[0] = x1 * 2 + y1;
                            spatial[0] = cellX * cellY;
                            n = 1;
                        }
                    }
                    for (int k = 0; k < n; k++) {
                        int c = cellsHit[k];
                        int slot = c * PER_CELL + filled[c]++;
                        rows[slot] = i;
                        cols[slot] = j;
                        weights[slot] = gauss[i][j] * spatial[k];
                    }
                }
            }
        }
        for (int c = 0; c < CELLS; c++) {
            if (filled[c] != PER_CELL) {
                throw new IllegalStateException("HOG cell " + c + " has " + filled[c] + " votes, expected " + PER_CELL);
            }
        }
    }

    /** Block row (0..15) of vote {@code k} of {@code cell}. */
    public int row(int cell, int k) {
        return rows[cell * PER_CELL + k];
    }

    /** Block column (0..15) of vote {@code k} of {@code cell}. */
    public int col(int cell, int k) {
        return cols[cell * PER_CELL + k];
    }

    /** Weight (Gaussian times spatial) of vote {@code k} of {@code cell}. */
    public float weight(int cell, int k) {
        return weights[cell * PER_CELL + k];
    }

    /** Each vote's block offset packed as row * 16 + col, cell by cell (576 values, for upload). */
    public int[] packedOffsets() {
        int[] packed = new int[rows.length];
        for (int s = 0; s < packed.length; s++) {
            packed[s] = rows[s] * HogLevel.BLOCK + cols[s];
        }
        return packed;
    }

    /** Each vote's weight, cell by cell (576 values, for upload). */
    public float[] weights() {
        return weights.clone();
    }
}
