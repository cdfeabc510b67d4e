// Frame kernels: colour conversion, bilinear resize and PySceneDetect's content score sums on
// interleaved 8-bit frames, batched (several frames per launch). Every kernel mirrors a pure-Java
// CPU twin in dev.sightline.gpu with the same integer arithmetic, so results are bit-identical:
//   bgr_to_rgb, bgr_to_gray, bgr_to_hsv   <-> ColorConversion (OpenCV cvtColor, 8-bit)
//   resize_bilinear                        <-> BilinearResize  (OpenCV INTER_LINEAR fixed point)
//   resize_linear_exact                    <-> LinearExactResize (OpenCV INTER_LINEAR_EXACT, bit-exact)
//   content_sums, bgr_content_sums         <-> ContentScore.channelSums (sum |dH|, |dS|, |dV|)
// Host side: GpuFrameKernels. Built to PTX by build-ptx.sh (nvcc -ptx).

#include "common.cuh"

// ---------------------------------------------------------------------------------------------
// Per-pixel conversions (ColorConversion.gray / ColorConversion.hsv)
// ---------------------------------------------------------------------------------------------

// Grey level: (B*3735 + G*19235 + R*9798 + 2^14) >> 15, OpenCV 4.x's 15-bit BGR2GRAY weights.
__device__ __forceinline__ unsigned int gray_of(unsigned int b, unsigned int g, unsigned int r)
{
    return (b * 3735u + g * 19235u + r * 9798u + (1u << 14)) >> 15;
}

// HSV of one pixel packed as h | s << 8 | v << 16 (OpenCV's RGB2HSV_b, hsv_shift 12).
// tables[0..255] = sdiv (round((255 << 12) / i)), tables[256..511] = hdiv (round((180 << 12) / (6 i))),
// computed on the host by ColorConversion.saturationDivisors / hueDivisors.
__device__ __forceinline__ unsigned int hsv_of(int b, int g, int r, const int* tables)
{
    int v = max(b, max(g, r));
    int vmin = min(b, min(g, r));
    int diff = v - vmin;
    int s = (diff * tables[v] + (1 << 11)) >> 12;
    int h;
    if (v == r) {
        h = g - b;
    } else if (v == g) {
        h = b - r + 2 * diff;
    } else {
        h = r - g + 4 * diff;
    }
    h = (h * tables[256 + diff] + (1 << 11)) >> 12;   // arithmetic shift, as Java's >>
    if (h < 0) {
        h += 180;
    }
    return (unsigned int) h | ((unsigned int) s << 8) | ((unsigned int) v << 16);
}

// Copies the 512 HSV table entries into shared memory (every thread of the block must call it).
__device__ __forceinline__ void load_hsv_tables(const int* __restrict__ tables, int* shared)
{
    for (int i = threadIdx.x; i < 512; i += blockDim.x) {
        shared[i] = tables[i];
    }
    __syncthreads();
}

// Four BGR pixels (12 bytes, little-endian words w[0..2]) unpacked into b[4], g[4], r[4].
__device__ __forceinline__ void unpack4(const unsigned int w[3], int b[4], int g[4], int r[4])
{
    b[0] = byte_of(w[0], 0); g[0] = byte_of(w[0], 1); r[0] = byte_of(w[0], 2);
    b[1] = byte_of(w[0], 3); g[1] = byte_of(w[1], 0); r[1] = byte_of(w[1], 1);
    b[2] = byte_of(w[1], 2); g[2] = byte_of(w[1], 3); r[2] = byte_of(w[2], 0);
    b[3] = byte_of(w[2], 1); g[3] = byte_of(w[2], 2); r[3] = byte_of(w[2], 3);
}

// Four packed 3-byte pixels (p[i] = c0 | c1 << 8 | c2 << 16) into three little-endian words.
__device__ __forceinline__ void pack4(const unsigned int p[4], unsigned int w[3])
{
    w[0] = (p[0] & 0xFFFFFFu) | (p[1] << 24);
    w[1] = ((p[1] >> 8) & 0xFFFFu) | ((p[2] & 0xFFFFu) << 16);
    w[2] = ((p[2] >> 16) & 0xFFu) | ((p[3] & 0xFFFFFFu) << 8);
}

// ---------------------------------------------------------------------------------------------
// Colour conversion kernels. The batch is one flat run of `pixels` BGR pixels (frames back to
// back): each thread converts 4 pixels per step with 32-bit loads (12 bytes at a 4-byte aligned
// offset), grid-stride; the last pixels % 4 go one by one.
// ---------------------------------------------------------------------------------------------

extern "C" __global__ void bgr_to_rgb(const unsigned char* __restrict__ bgr, unsigned char* __restrict__ rgb,
                                      long long pixels)
{
    const unsigned int* in = reinterpret_cast<const unsigned int*>(bgr);
    unsigned int* out = reinterpret_cast<unsigned int*>(rgb);
    long long quads = pixels / 4;
    for (long long q = global_thread(); q < quads; q += global_threads()) {
        unsigned int w[3] = {in[3 * q], in[3 * q + 1], in[3 * q + 2]};
        int b[4], g[4], r[4];
        unpack4(w, b, g, r);
        unsigned int p[4];
        for (int i = 0; i < 4; i++) {
            p[i] = (unsigned int) r[i] | ((unsigned int) g[i] << 8) | ((unsigned int) b[i] << 16);
        }
        unsigned int o[3];
        pack4(p, o);
        out[3 * q] = o[0];
        out[3 * q + 1] = o[1];
        out[3 * q + 2] = o[2];
    }
    for (long long i = quads * 4 + global_thread(); i < pixels; i += global_threads()) {
        unsigned char b = bgr[3 * i];
        rgb[3 * i] = bgr[3 * i + 2];
        rgb[3 * i + 1] = bgr[3 * i + 1];
        rgb[3 * i + 2] = b;
    }
}

extern "C" __global__ void bgr_to_gray(const unsigned char* __restrict__ bgr, unsigned char* __restrict__ gray,
                                       long long pixels)
{
    const unsigned int* in = reinterpret_cast<const unsigned int*>(bgr);
    unsigned int* out = reinterpret_cast<unsigned int*>(gray);
    long long quads = pixels / 4;
    for (long long q = global_thread(); q < quads; q += global_threads()) {
        unsigned int w[3] = {in[3 * q], in[3 * q + 1], in[3 * q + 2]};
        int b[4], g[4], r[4];
        unpack4(w, b, g, r);
        out[q] = gray_of(b[0], g[0], r[0]) | (gray_of(b[1], g[1], r[1]) << 8)
               | (gray_of(b[2], g[2], r[2]) << 16) | (gray_of(b[3], g[3], r[3]) << 24);
    }
    for (long long i = quads * 4 + global_thread(); i < pixels; i += global_threads()) {
        gray[i] = (unsigned char) gray_of(bgr[3 * i], bgr[3 * i + 1], bgr[3 * i + 2]);
    }
}

extern "C" __global__ void bgr_to_hsv(const unsigned char* __restrict__ bgr, unsigned char* __restrict__ hsv,
                                      long long pixels, const int* __restrict__ tables)
{
    __shared__ int t[512];
    load_hsv_tables(tables, t);
    const unsigned int* in = reinterpret_cast<const unsigned int*>(bgr);
    unsigned int* out = reinterpret_cast<unsigned int*>(hsv);
    long long quads = pixels / 4;
    for (long long q = global_thread(); q < quads; q += global_threads()) {
        unsigned int w[3] = {in[3 * q], in[3 * q + 1], in[3 * q + 2]};
        int b[4], g[4], r[4];
        unpack4(w, b, g, r);
        unsigned int p[4];
        for (int i = 0; i < 4; i++) {
            p[i] = hsv_of(b[i], g[i], r[i], t);
        }
        unsigned int o[3];
        pack4(p, o);
        out[3 * q] = o[0];
        out[3 * q + 1] = o[1];
        out[3 * q + 2] = o[2];
    }
    for (long long i = quads * 4 + global_thread(); i < pixels; i += global_threads()) {
        unsigned int p = hsv_of(bgr[3 * i], bgr[3 * i + 1], bgr[3 * i + 2], t);
        hsv[3 * i] = (unsigned char) p;
        hsv[3 * i + 1] = (unsigned char) (p >> 8);
        hsv[3 * i + 2] = (unsigned char) (p >> 16);
    }
}

// ---------------------------------------------------------------------------------------------
// resize_bilinear (BilinearResize): one thread per destination pixel (all its channels), grid
// (x, y) over the destination, grid z = frame index (frames back to back in src and dst).
// The tap (source index pair and 11-bit weights) is computed with the twin's exact IEEE steps;
// the _rn intrinsics keep nvcc from fusing them into FMAs, which would change the rounding.
// ---------------------------------------------------------------------------------------------

// BilinearResize.tap: i0, i1 and weights w0 + w1 = 2048 of destination index d.
__device__ __forceinline__ void resize_tap(int d, int src_size, int dst_size, int& i0, int& i1, int& w0, int& w1)
{
    double scale = __ddiv_rn(1.0, __ddiv_rn((double) dst_size, (double) src_size));
    float f = __double2float_rn(__dsub_rn(__dmul_rn(__dadd_rn((double) d, 0.5), scale), 0.5));
    int i = (int) floorf(f);
    f = __fsub_rn(f, (float) i);
    if (i < 0) {
        i = 0;
        f = 0.f;
    }
    if (i >= src_size - 1) {
        i = src_size - 1;
        f = 0.f;
    }
    i0 = i;
    i1 = min(i + 1, src_size - 1);
    w0 = __float2int_rn(__fmul_rn(__fsub_rn(1.f, f), 2048.f));   // Math.rint: round half to even
    w1 = __float2int_rn(__fmul_rn(f, 2048.f));
}

extern "C" __global__ void resize_bilinear(const unsigned char* __restrict__ src, int width, int height,
                                           int channels, unsigned char* __restrict__ dst, int dst_width,
                                           int dst_height)
{
    int dx = blockIdx.x * blockDim.x + threadIdx.x;
    int dy = blockIdx.y * blockDim.y + threadIdx.y;
    if (dx >= dst_width || dy >= dst_height) {
        return;
    }
    long long frame = blockIdx.z;
    const unsigned char* s = src + frame * width * height * channels;
    unsigned char* d = dst + frame * dst_width * dst_height * channels;
    int x0, x1, a0, a1, y0, y1, b0, b1;
    resize_tap(dx, width, dst_width, x0, x1, a0, a1);
    resize_tap(dy, height, dst_height, y0, y1, b0, b1);
    const unsigned char* row0 = s + (long long) y0 * width * channels;
    const unsigned char* row1 = s + (long long) y1 * width * channels;
    unsigned char* out = d + ((long long) dy * dst_width + dx) * channels;
    for (int c = 0; c < channels; c++) {
        int h0 = row0[x0 * channels + c] * a0 + row0[x1 * channels + c] * a1;
        int h1 = row1[x0 * channels + c] * a0 + row1[x1 * channels + c] * a1;
        int v = (((h0 >> 4) * b0) >> 16) + (((h1 >> 4) * b1) >> 16);   // OpenCV's SIMD vertical pass
        out[c] = (unsigned char) min(255, max(0, (v + 2) >> 2));
    }
}

// ---------------------------------------------------------------------------------------------
// resize_linear_exact (LinearExactResize): OpenCV's INTER_LINEAR_EXACT (resize_bitExact) on 8-bit
// frames; same arguments and launch shape as resize_bilinear. The tap coordinate is computed in
// IEEE double with _rn intrinsics (OpenCV uses softdouble, which rounds the same way; no FMA
// contraction), then everything is integer: 8-bit weights (ufixedpoint16), horizontal sums with 8
// fractional bits, vertical blend rounded from 16 fractional bits. Pixels left/right of (or
// above/below) the source take the edge pixel with weights (256, 0), as OpenCV's border copy.
// ---------------------------------------------------------------------------------------------

// LinearExactResize.taps: first source index i0 (the second is min(i0 + 1, src_size - 1)) and the
// weight w1 (0..256) of the second; the first weighs 256 - w1.
__device__ __forceinline__ void exact_tap(int d, int src_size, int dst_size, int& i0, int& w1)
{
    double scale = __ddiv_rn(1.0, __ddiv_rn((double) dst_size, (double) src_size));
    double f = __dsub_rn(__dmul_rn(scale, __dadd_rn((double) d, 0.5)), 0.5);
    int i = (int) floor(f);
    i0 = 0;
    w1 = 0;
    if (i >= 0 && src_size > 1) {
        if (i < src_size - 1) {
            i0 = i;
            w1 = __double2int_rn(__dmul_rn(__dsub_rn(f, (double) i), 256.0));   // rint: ties to even
        } else {
            i0 = src_size - 1;
        }
    }
}

extern "C" __global__ void resize_linear_exact(const unsigned char* __restrict__ src, int width, int height,
                                               int channels, unsigned char* __restrict__ dst, int dst_width,
                                               int dst_height)
{
    int dx = blockIdx.x * blockDim.x + threadIdx.x;
    int dy = blockIdx.y * blockDim.y + threadIdx.y;
    if (dx >= dst_width || dy >= dst_height) {
        return;
    }
    long long frame = blockIdx.z;
    const unsigned char* s = src + frame * width * height * channels;
    unsigned char* d = dst + frame * dst_width * dst_height * channels;
    int x0, a1, y0, b1;
    exact_tap(dx, width, dst_width, x0, a1);
    exact_tap(dy, height, dst_height, y0, b1);
    int x1 = min(x0 + 1, width - 1);
    int y1 = min(y0 + 1, height - 1);
    int a0 = 256 - a1;
    int b0 = 256 - b1;
    const unsigned char* row0 = s + (long long) y0 * width * channels;
    const unsigned char* row1 = s + (long long) y1 * width * channels;
    unsigned char* out = d + ((long long) dy * dst_width + dx) * channels;
    for (int c = 0; c < channels; c++) {
        int h0 = row0[x0 * channels + c] * a0 + row0[x1 * channels + c] * a1;   // 8 fractional bits
        int h1 = row1[x0 * channels + c] * a0 + row1[x1 * channels + c] * a1;
        out[c] = (unsigned char) min(255, (h0 * b0 + h1 * b1 + (1 << 15)) >> 16);
    }
}

// ---------------------------------------------------------------------------------------------
// Content score sums (ContentScore.channelSums): `frames` frames of `pixels` pixels back to back;
// sums[3 (f - 1) + c] += sum over pixels of |frame f - frame f-1| in channel c, for f = 1..frames-1
// (the host zeroes sums). One thread owns 4 pixel positions and walks all frames, keeping the
// previous frame's HSV in registers, so every frame is read from memory once. Per frame, each
// block reduces its three sums (warp shuffles, then shared memory) and thread 0 adds them with
// atomicAdd on unsigned long long. The grid must cover ceil(pixels / 4) threads along x.
// ---------------------------------------------------------------------------------------------

// Loads the 4 pixels (12 bytes) of quad q of one frame: 32-bit loads when every frame starts
// 4-byte aligned (pixels % 4 == 0), else byte loads; pixels past the end read as 0.
__device__ __forceinline__ void load_quad(const unsigned char* __restrict__ frame, long long q, int pixels,
                                          bool aligned, unsigned int w[3])
{
    if (aligned) {
        const unsigned int* words = reinterpret_cast<const unsigned int*>(frame);
        w[0] = words[3 * q];
        w[1] = words[3 * q + 1];
        w[2] = words[3 * q + 2];
        return;
    }
    long long end = 3LL * pixels;
    for (int k = 0; k < 3; k++) {
        unsigned int word = 0;
        for (int j = 0; j < 4; j++) {
            long long at = 12 * q + 4 * k + j;
            if (at < end) {
                word |= (unsigned int) frame[at] << (8 * j);
            }
        }
        w[k] = word;
    }
}

// Adds the per-channel sums of |a - b| over 4 packed 3-byte pixels (12 bytes) to h, s, v.
__device__ __forceinline__ void add_abs_diff(const unsigned int a[3], const unsigned int b[3],
                                             unsigned int& h, unsigned int& s, unsigned int& v)
{
    unsigned int d0 = __vabsdiffu4(a[0], b[0]);   // bytes: H0 S0 V0 H1
    unsigned int d1 = __vabsdiffu4(a[1], b[1]);   // bytes: S1 V1 H2 S2
    unsigned int d2 = __vabsdiffu4(a[2], b[2]);   // bytes: V2 H3 S3 V3
    h += byte_of(d0, 0) + byte_of(d0, 3) + byte_of(d1, 2) + byte_of(d2, 1);
    s += byte_of(d0, 1) + byte_of(d1, 0) + byte_of(d1, 3) + byte_of(d2, 2);
    v += byte_of(d0, 2) + byte_of(d1, 1) + byte_of(d2, 0) + byte_of(d2, 3);
}

// Block-wide sums of h, s, v added to out[0..2] (all threads of the block must call it).
__device__ __forceinline__ void block_add3(unsigned int h, unsigned int s, unsigned int v,
                                           unsigned long long* out)
{
    __shared__ unsigned long long partial[3][32];
    unsigned long long sums[3] = {h, s, v};
    for (int c = 0; c < 3; c++) {
        sums[c] = warp_sum(sums[c]);
    }
    int lane = threadIdx.x & 31;
    int warp = threadIdx.x >> 5;
    if (lane == 0) {
        partial[0][warp] = sums[0];
        partial[1][warp] = sums[1];
        partial[2][warp] = sums[2];
    }
    __syncthreads();
    if (warp == 0) {
        int warps = (blockDim.x + 31) >> 5;
        for (int c = 0; c < 3; c++) {
            unsigned long long x = lane < warps ? partial[c][lane] : 0ULL;
            x = warp_sum(x);
            if (lane == 0 && x != 0) {
                atomicAdd(out + c, x);
            }
        }
    }
    __syncthreads();   // partial is reused by the next frame
}

// Sums of |dH|, |dS|, |dV| between consecutive HSV frames (see above).
extern "C" __global__ void content_sums(const unsigned char* __restrict__ hsv, int pixels, int frames,
                                        unsigned long long* __restrict__ sums)
{
    long long q = global_thread();
    long long quads = (pixels + 3) / 4;
    bool active = q < quads;
    bool aligned = (pixels & 3) == 0;
    long long frame_bytes = 3LL * pixels;
    unsigned int previous[3] = {0, 0, 0};
    if (active) {
        load_quad(hsv, q, pixels, aligned, previous);
    }
    for (int f = 1; f < frames; f++) {
        unsigned int h = 0, s = 0, v = 0;
        if (active) {
            unsigned int current[3];
            load_quad(hsv + f * frame_bytes, q, pixels, aligned, current);
            add_abs_diff(current, previous, h, s, v);
            previous[0] = current[0];
            previous[1] = current[1];
            previous[2] = current[2];
        }
        block_add3(h, s, v, sums + 3 * (f - 1));
    }
}

// HSV of 4 BGR pixels (12 bytes) into 12 packed HSV bytes; pixels past the end stay 0 in both
// frames of a pair, so they add nothing.
__device__ __forceinline__ void hsv_quad(const unsigned int bgr[3], const int* tables, unsigned int out[3])
{
    int b[4], g[4], r[4];
    unpack4(bgr, b, g, r);
    unsigned int p[4];
    for (int i = 0; i < 4; i++) {
        p[i] = hsv_of(b[i], g[i], r[i], tables);
    }
    pack4(p, out);
}

// Fused BGR -> HSV and content sums: as content_sums, but from BGR frames, converting in registers
// (each BGR frame read once; no HSV frame is written).
extern "C" __global__ void bgr_content_sums(const unsigned char* __restrict__ bgr, int pixels, int frames,
                                            const int* __restrict__ tables, unsigned long long* __restrict__ sums)
{
    __shared__ int t[512];
    load_hsv_tables(tables, t);
    long long q = global_thread();
    long long quads = (pixels + 3) / 4;
    bool active = q < quads;
    bool aligned = (pixels & 3) == 0;
    long long frame_bytes = 3LL * pixels;
    unsigned int previous[3] = {0, 0, 0};
    if (active) {
        unsigned int w[3];
        load_quad(bgr, q, pixels, aligned, w);
        hsv_quad(w, t, previous);
    }
    for (int f = 1; f < frames; f++) {
        unsigned int h = 0, s = 0, v = 0;
        if (active) {
            unsigned int w[3];
            unsigned int current[3];
            load_quad(bgr + f * frame_bytes, q, pixels, aligned, w);
            hsv_quad(w, t, current);
            add_abs_diff(current, previous, h, s, v);
            previous[0] = current[0];
            previous[1] = current[1];
            previous[2] = current[2];
        }
        block_add3(h, s, v, sums + 3 * (f - 1));
    }
}
