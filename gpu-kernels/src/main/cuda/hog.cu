// HOG people detection (OpenCV's HOGDescriptor with its default people SVM), one pyramid level
// at a time, in four stages launched in this order on one stream:
//
//   hog_gradients         padded gradient field: per pixel two orientation bins and two votes
//   hog_block_histograms  raw 4x9 histogram of every 16x16 block on the 8-pixel grid
//   hog_normalize_blocks  L2Hys normalisation of every block, in place
//   hog_window_scores     linear SVM score (double) of every 64x128 window on the 8-pixel grid
//
// The level image itself is made by resize_linear_exact (frames.cu). The Java twin is
// dev.sightline.gpu.HogPeopleTwin (methods gradients, blockHistograms, normalizeBlocks,
// windowScores); each kernel performs the same float32 operations in the same order, written
// with __fmul_rn/__fadd_rn/__fdiv_rn so that nvcc cannot fuse them into FMAs, hence bit-identical
// results. The tables (gamma, the per-cell vote list of HogCellVotes, the SVM) are uploaded by
// GpuHogPeopleDetector from the same Java code the twin uses.
//
// Layouts (p = y * paddedWidth + x in the field padded by 16 pixels on every side):
//   votes  float2 per pixel, bins uchar2 per pixel
//   hists  36 floats per block, block (bx, by) at (by * blocksX + bx) * 36, cell * 9 + bin with
//          cell = cellX * 2 + cellY (OpenCV's descriptor order)
//   scores one double per window, row by row

#define HOG_PADDING 16
#define HOG_CELL 8
#define HOG_BINS 9
#define HOG_BLOCK_VALUES 36
#define HOG_VOTES_PER_CELL 144
#define HOG_WINDOW_BLOCKS_Y 15
#define HOG_WINDOW_BLOCKS 105

// OpenCV's fastAtan2 polynomial (atan_f32) coefficients in degrees and the angle conversions,
// as the exact float values HogPeopleTwin computes (checked by HogPeopleTwinTest).
#define HOG_ATAN_P1 0x1.ca44dep5f
#define HOG_ATAN_P3 -0x1.2aaddcp4f
#define HOG_ATAN_P5 0x1.1d3f7ep3f
#define HOG_ATAN_P7 -0x1.4515b2p1f
#define HOG_ATAN_EPS 0x1.0p-52f
#define HOG_DEGREES_TO_RADIANS 0x1.1df46ap-6f
#define HOG_RADIANS_TO_BINS 0x1.6eb168p1f
#define HOG_FIRST_NORM_EPS 0x1.cccccep1f  // 36 * 0.1f
#define HOG_L2HYS_CLIP 0.2f

// OpenCV's BORDER_REFLECT_101 (gfedcb|abcdefgh|gfedcba).
__device__ __forceinline__ int hog_reflect(int p, int length)
{
    if (length == 1) return 0;
    while (p < 0 || p >= length) p = p < 0 ? -p : 2 * length - p - 2;
    return p;
}

// OpenCV's atan_f32: the angle of (x, y) in degrees, 0..360.
__device__ __forceinline__ float hog_atan_degrees(float y, float x)
{
    float ax = fabsf(x), ay = fabsf(y);
    float a;
    if (ax >= ay) {
        float c = __fdiv_rn(ay, __fadd_rn(ax, HOG_ATAN_EPS));
        float c2 = __fmul_rn(c, c);
        a = __fmul_rn(__fadd_rn(__fmul_rn(__fadd_rn(__fmul_rn(__fadd_rn(__fmul_rn(HOG_ATAN_P7, c2), HOG_ATAN_P5),
                c2), HOG_ATAN_P3), c2), HOG_ATAN_P1), c);
    } else {
        float c = __fdiv_rn(ax, __fadd_rn(ay, HOG_ATAN_EPS));
        float c2 = __fmul_rn(c, c);
        a = __fsub_rn(90.f, __fmul_rn(__fadd_rn(__fmul_rn(__fadd_rn(__fmul_rn(__fadd_rn(__fmul_rn(HOG_ATAN_P7, c2),
                HOG_ATAN_P5), c2), HOG_ATAN_P3), c2), HOG_ATAN_P1), c));
    }
    if (x < 0) a = __fsub_rn(180.f, a);
    if (y < 0) a = __fsub_rn(360.f, a);
    return a;
}

// Stage 1, one thread per padded pixel. bgr: the level image (width x height, 3 bytes a pixel);
// gamma: 256 floats, sqrt(i). Mirrors HogPeopleTwin.gradients.
extern "C" __global__ void hog_gradients(const unsigned char* __restrict__ bgr, int width, int height,
                                         const float* __restrict__ gamma,
                                         float2* __restrict__ votes, uchar2* __restrict__ bins)
{
    int pw = width + 2 * HOG_PADDING, ph = height + 2 * HOG_PADDING;
    int px = blockIdx.x * blockDim.x + threadIdx.x;
    int py = blockIdx.y * blockDim.y + threadIdx.y;
    if (px >= pw || py >= ph) return;

    int row = hog_reflect(py - HOG_PADDING, height) * width;
    int up = hog_reflect(py - HOG_PADDING - 1, height) * width;
    int down = hog_reflect(py - HOG_PADDING + 1, height) * width;
    int col = hog_reflect(px - HOG_PADDING, width);
    int left = hog_reflect(px - HOG_PADDING - 1, width);
    int right = hog_reflect(px - HOG_PADDING + 1, width);

    float dx[3], dy[3], mag[3];
#pragma unroll
    for (int c = 0; c < 3; c++) {
        dx[c] = __fsub_rn(__ldg(&gamma[bgr[(row + right) * 3 + c]]), __ldg(&gamma[bgr[(row + left) * 3 + c]]));
        dy[c] = __fsub_rn(__ldg(&gamma[bgr[(down + col) * 3 + c]]), __ldg(&gamma[bgr[(up + col) * 3 + c]]));
        mag[c] = __fadd_rn(__fmul_rn(dx[c], dx[c]), __fmul_rn(dy[c], dy[c]));
    }
    // Ties broken as OpenCV's SIMD path: G over R, then B over both.
    int best = mag[2] > mag[1] ? 2 : 1;
    if (!(fmaxf(mag[2], mag[1]) > mag[0])) best = 0;
    float bdx = best == 2 ? dx[2] : best == 1 ? dx[1] : dx[0];
    float bdy = best == 2 ? dy[2] : best == 1 ? dy[1] : dy[0];

    float magnitude = __fsqrt_rn(__fadd_rn(__fmul_rn(bdx, bdx), __fmul_rn(bdy, bdy)));
    float angle = __fmul_rn(hog_atan_degrees(bdy, bdx), HOG_DEGREES_TO_RADIANS);
    angle = __fsub_rn(__fmul_rn(angle, HOG_RADIANS_TO_BINS), 0.5f);
    int bin = (int)floorf(angle);
    angle = __fsub_rn(angle, (float)bin);

    int p = py * pw + px;
    votes[p] = make_float2(__fmul_rn(magnitude, __fsub_rn(1.f, angle)), __fmul_rn(magnitude, angle));
    if (bin < 0) bin += HOG_BINS;
    else if (bin >= HOG_BINS) bin -= HOG_BINS;
    int next = bin + 1;
    bins[p] = make_uchar2((unsigned char)bin, (unsigned char)(next < HOG_BINS ? next : 0));
}

// Stage 2, one thread per (block, cell): grid.y = cell (0..3) so that a warp reads the same vote
// table entry. voteOffsets/voteWeights: HogCellVotes, 144 per cell (offset = row * 16 + col).
// Mirrors HogPeopleTwin.blockHistograms.
extern "C" __global__ void hog_block_histograms(const float2* __restrict__ votes, const uchar2* __restrict__ bins,
                                                int paddedWidth, int blocksX, int blocksY,
                                                const int* __restrict__ voteOffsets,
                                                const float* __restrict__ voteWeights,
                                                float* __restrict__ hists)
{
    int block = blockIdx.x * blockDim.x + threadIdx.x;
    int cell = blockIdx.y;
    if (block >= blocksX * blocksY) return;
    int bx = block % blocksX, by = block / blocksX;
    const float2* origin = votes + (by * HOG_CELL) * paddedWidth + bx * HOG_CELL;
    const uchar2* binOrigin = bins + (by * HOG_CELL) * paddedWidth + bx * HOG_CELL;

    float h[HOG_BINS];
#pragma unroll
    for (int i = 0; i < HOG_BINS; i++) h[i] = 0.f;
    for (int k = 0; k < HOG_VOTES_PER_CELL; k++) {
        int offset = __ldg(&voteOffsets[cell * HOG_VOTES_PER_CELL + k]);
        float w = __ldg(&voteWeights[cell * HOG_VOTES_PER_CELL + k]);
        int q = (offset >> 4) * paddedWidth + (offset & 15);
        float2 v = origin[q];
        uchar2 b = binOrigin[q];
        h[b.x] = __fadd_rn(h[b.x], __fmul_rn(v.x, w));
        h[b.y] = __fadd_rn(h[b.y], __fmul_rn(v.y, w));
    }
    float* out = hists + block * HOG_BLOCK_VALUES + cell * HOG_BINS;
#pragma unroll
    for (int i = 0; i < HOG_BINS; i++) out[i] = h[i];
}

// Sum of squares of 36 values in four interleaved partial sums, as HogPeopleTwin.sumOfSquares.
__device__ __forceinline__ float hog_sum_of_squares(const float* h)
{
    float s0 = __fmul_rn(h[0], h[0]), s1 = __fmul_rn(h[1], h[1]);
    float s2 = __fmul_rn(h[2], h[2]), s3 = __fmul_rn(h[3], h[3]);
#pragma unroll
    for (int i = 4; i < HOG_BLOCK_VALUES; i += 4) {
        s0 = __fadd_rn(s0, __fmul_rn(h[i], h[i]));
        s1 = __fadd_rn(s1, __fmul_rn(h[i + 1], h[i + 1]));
        s2 = __fadd_rn(s2, __fmul_rn(h[i + 2], h[i + 2]));
        s3 = __fadd_rn(s3, __fmul_rn(h[i + 3], h[i + 3]));
    }
    return __fadd_rn(__fadd_rn(s0, s1), __fadd_rn(s2, s3));
}

// Stage 3, one thread per block, in place. Mirrors HogPeopleTwin.normalizeBlocks.
extern "C" __global__ void hog_normalize_blocks(float* __restrict__ hists, int blocks)
{
    int block = blockIdx.x * blockDim.x + threadIdx.x;
    if (block >= blocks) return;
    float h[HOG_BLOCK_VALUES];
    float* data = hists + block * HOG_BLOCK_VALUES;
#pragma unroll
    for (int i = 0; i < HOG_BLOCK_VALUES; i++) h[i] = data[i];
    float scale = __fdiv_rn(1.f, __fadd_rn(__fsqrt_rn(hog_sum_of_squares(h)), HOG_FIRST_NORM_EPS));
#pragma unroll
    for (int i = 0; i < HOG_BLOCK_VALUES; i++) h[i] = fminf(__fmul_rn(h[i], scale), HOG_L2HYS_CLIP);
    scale = __fdiv_rn(1.f, __fadd_rn(__fsqrt_rn(hog_sum_of_squares(h)), 1e-3f));
#pragma unroll
    for (int i = 0; i < HOG_BLOCK_VALUES; i++) data[i] = __fmul_rn(h[i], scale);
}

// Stage 4, one CUDA block (128 threads) per window (grid = windowsX x windowsY): thread j < 105
// computes window block j's dot product with the SVM (blocks column by column, OpenCV's order),
// thread 0 adds them to the bias in order, in double. Mirrors HogPeopleTwin.windowScores.
extern "C" __global__ void hog_window_scores(const float* __restrict__ hists, int blocksX,
                                             const float* __restrict__ svm, double bias,
                                             double* __restrict__ scores)
{
    __shared__ double parts[HOG_WINDOW_BLOCKS];
    int wx = blockIdx.x, wy = blockIdx.y;
    int j = threadIdx.x;
    if (j < HOG_WINDOW_BLOCKS) {
        int bx = wx + j / HOG_WINDOW_BLOCKS_Y;
        int by = wy + j % HOG_WINDOW_BLOCKS_Y;
        const float* h = hists + (by * blocksX + bx) * HOG_BLOCK_VALUES;
        const float* s = svm + j * HOG_BLOCK_VALUES;
        float p0 = __fmul_rn(h[0], __ldg(&s[0])), p1 = __fmul_rn(h[1], __ldg(&s[1]));
        float p2 = __fmul_rn(h[2], __ldg(&s[2])), p3 = __fmul_rn(h[3], __ldg(&s[3]));
#pragma unroll
        for (int k = 4; k < HOG_BLOCK_VALUES; k += 4) {
            p0 = __fadd_rn(p0, __fmul_rn(h[k], __ldg(&s[k])));
            p1 = __fadd_rn(p1, __fmul_rn(h[k + 1], __ldg(&s[k + 1])));
            p2 = __fadd_rn(p2, __fmul_rn(h[k + 2], __ldg(&s[k + 2])));
            p3 = __fadd_rn(p3, __fmul_rn(h[k + 3], __ldg(&s[k + 3])));
        }
        double t0 = (double)__fadd_rn(p0, p1);
        double t1 = (double)__fadd_rn(p2, p3);
        parts[j] = __dadd_rn(t0, t1);
    }
    __syncthreads();
    if (j == 0) {
        double total = bias;
        for (int k = 0; k < HOG_WINDOW_BLOCKS; k++) total = __dadd_rn(total, parts[k]);
        scores[wy * gridDim.x + wx] = total;
    }
}
