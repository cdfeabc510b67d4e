package dev.sightline.gpu;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemsetD8Async;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUfunction;

/**
 * Batched frame kernels of frames.cu on one device: colour conversion, bilinear resize (INTER_LINEAR
 * and INTER_LINEAR_EXACT) and content scores, each bit-identical to its CPU twin ({@link
 * ColorConversion}, {@link BilinearResize}, {@link LinearExactResize}, {@link ContentScore}). Uploads go through a reused pinned buffer on one stream; device buffers
 * come from a pool. Not thread-safe: one owner thread at a time (each call binds the device).
 */
public final class GpuFrameKernels implements AutoCloseable {

    /** What the last call moved and how long its transfers and kernels took (CUDA events). */
    public record Stats(int frames, long uploadBytes, long uploadNanos, long kernelNanos) {
    }

    private static final int THREADS = 256;
    private static final int TILE = 16;
    private static final int MAX_GRID_BLOCKS = 1 << 20;

    private final CudaDevice device;
    private final CudaStream stream;
    private final DeviceMemoryPool pool;
    private final CUfunction bgrToRgb;
    private final CUfunction bgrToGray;
    private final CUfunction bgrToHsv;
    private final CUfunction resize;
    private final CUfunction resizeExact;
    private final CUfunction contentSums;
    private final CUfunction bgrContentSums;
    private final CUdeviceptr hsvTables;
    private final CUevent uploadStart = new CUevent();
    private final CUevent uploadEnd = new CUevent();
    private final CUevent kernelStart = new CUevent();
    private final CUevent kernelEnd = new CUevent();
    private PinnedHostBuffer pinned;
    private Stats last = new Stats(0, 0, 0, 0);

    /** Kernels on {@code device} (which the caller keeps open and closes after this). */
    public GpuFrameKernels(CudaDevice device) {
        this.device = device;
        device.bind();
        CudaModule frames = device.module("frames");
        this.bgrToRgb = frames.function("bgr_to_rgb");
        this.bgrToGray = frames.function("bgr_to_gray");
        this.bgrToHsv = frames.function("bgr_to_hsv");
        this.resize = frames.function("resize_bilinear");
        this.resizeExact = frames.function("resize_linear_exact");
        this.contentSums = frames.function("content_sums");
        this.bgrContentSums = frames.function("bgr_content_sums");
        this.stream = new CudaStream();
        this.pool = new DeviceMemoryPool();
        int[] tables = new int[512];
        System.arraycopy(ColorConversion.saturationDivisors(), 0, tables, 0, 256);
        System.arraycopy(ColorConversion.hueDivisors(), 0, tables, 256, 256);
        this.hsvTables = pool.acquire((long) tables.length * Sizeof.INT);
        cuMemcpyHtoD(hsvTables, Pointer.to(tables), (long) tables.length * Sizeof.INT);
        for (CUevent event : List.of(uploadStart, uploadEnd, kernelStart, kernelEnd)) {
            cuEventCreate(event, CUevent_flags.CU_EVENT_DEFAULT);
        }
    }

    /**
     * Content scores of {@code bgrFrames} (consecutive {@code width x height} BGR frames): score i
     * compares frame i with frame i-1, frame 0 with {@code previousBgr}, or NaN when that is null
     * (the first frame of a video). Equal (==) to {@link ContentScore#score(byte[], byte[], int, int)}.
     */
    public double[] contentScores(byte[] previousBgr, List<byte[]> bgrFrames, int width, int height) {
        return scores(bgrContentSums, true, previousBgr, bgrFrames, width, height);
    }

    /** As {@link #contentScores} but from HSV frames (the {@code content_sums} kernel). */
    public double[] contentScoresFromHsv(byte[] previousHsv, List<byte[]> hsvFrames, int width, int height) {
        return scores(contentSums, false, previousHsv, hsvFrames, width, height);
    }

    /**
     * Content scores of {@code frames} BGR frames already on the device back to back at {@code bgr}
     * (fused kernel, no transfer of frames): {@code frames - 1} scores, score i compares frame i+1
     * with frame i. Kernel time goes to {@link #lastStats()}.
     */
    public double[] contentScoresResident(CUdeviceptr bgr, int frames, int width, int height) {
        device.bind();
        int pixels = pixels(width, height);
        if (frames < 2) {
            throw new IllegalArgumentException("content scores need at least 2 frames, got " + frames);
        }
        long[] sums = launchContentSums(bgrContentSums, true, bgr, frames, pixels);
        last = new Stats(frames, 0, 0, elapsedNanos(kernelStart, kernelEnd));
        return scoresFromSums(sums, frames - 1, pixels);
    }

    /** OpenCV 8-bit HSV of each BGR frame (as {@link ColorConversion#bgrToHsv}). */
    public List<byte[]> toHsv(List<byte[]> bgrFrames, int width, int height) {
        return convert(bgrToHsv, bgrFrames, width, height, 3, true);
    }

    /** Grey level of each BGR frame (as {@link ColorConversion#bgrToGray}). */
    public List<byte[]> toGray(List<byte[]> bgrFrames, int width, int height) {
        return convert(bgrToGray, bgrFrames, width, height, 1, false);
    }

    /** RGB of each BGR frame (as {@link ColorConversion#bgrToRgb}). */
    public List<byte[]> toRgb(List<byte[]> bgrFrames, int width, int height) {
        return convert(bgrToRgb, bgrFrames, width, height, 3, false);
    }

    /** Each frame resized to {@code dstWidth x dstHeight} (as {@link BilinearResize#resize}). */
    public List<byte[]> resize(List<byte[]> frames, int width, int height, int channels, int dstWidth, int dstHeight) {
        return resizeWith(resize, frames, width, height, channels, dstWidth, dstHeight);
    }

    /** Each frame resized to {@code dstWidth x dstHeight} (as {@link LinearExactResize#resize}, OpenCV's INTER_LINEAR_EXACT). */
    public List<byte[]> resizeLinearExact(List<byte[]> frames, int width, int height, int channels, int dstWidth,
            int dstHeight) {
        return resizeWith(resizeExact, frames, width, height, channels, dstWidth, dstHeight);
    }

    private List<byte[]> resizeWith(CUfunction kernel, List<byte[]> frames, int width, int height, int channels,
            int dstWidth, int dstHeight) {
        device.bind();
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("resize takes 1 to 4 channels, not " + channels);
        }
        int inBytes = Math.multiplyExact(pixels(width, height), channels);
        int outBytes = Math.multiplyExact(pixels(dstWidth, dstHeight), channels);
        if (frames.isEmpty()) {
            return List.of();
        }
        if (frames.size() > 65535) {
            throw new IllegalArgumentException("at most 65535 frames per resize batch, got " + frames.size());
        }
        CUdeviceptr src = upload(null, frames, inBytes, Math.max(inBytes, outBytes));
        return launchAndDownload(kernel, new int[] {ceil(dstWidth, TILE), ceil(dstHeight, TILE), frames.size(), TILE, TILE},
                dst -> Pointer.to(Pointer.to(src), Pointer.to(new int[] {width}), Pointer.to(new int[] {height}),
                        Pointer.to(new int[] {channels}), Pointer.to(dst), Pointer.to(new int[] {dstWidth}),
                        Pointer.to(new int[] {dstHeight})),
                src, frames.size(), inBytes, outBytes);
    }

    /**
     * Takes an output buffer, launches {@code kernel} (grid x, y, z and block x, y in {@code shape};
     * parameters made for that buffer) between the timing events, downloads one output per frame,
     * records the stats and gives both buffers back, also when something fails.
     */
    private List<byte[]> launchAndDownload(CUfunction kernel, int[] shape, Function<CUdeviceptr, Pointer> params,
            CUdeviceptr src, int frames, int inBytes, int outBytes) {
        CUdeviceptr dst = null;
        try {
            dst = pool.acquire((long) outBytes * frames);
            cuEventRecord(kernelStart, stream.handle());
            launch(kernel, shape[0], shape[1], shape[2], shape[3], shape[4], params.apply(dst));
            cuEventRecord(kernelEnd, stream.handle());
            List<byte[]> out = download(dst, frames, outBytes);
            recordStats(frames, (long) inBytes * frames);
            return out;
        } finally {
            pool.release(src);
            if (dst != null) {
                pool.release(dst);
            }
        }
    }

    /**
     * Runs kernel {@code kernel} of frames.cu once on {@code frames} frames already on the device at
     * {@code src} (results to {@code dst}; for content sums {@code dst} receives the pair sums, zeroed
     * here) and returns its time in nanoseconds (CUDA events): the benchmark's entry point.
     */
    long timeResident(String kernel, CUdeviceptr src, CUdeviceptr dst, int frames, int width, int height,
            int dstWidth, int dstHeight) {
        device.bind();
        int pixels = pixels(width, height);
        long total = (long) pixels * frames;
        int flatBlocks = (int) Math.min(MAX_GRID_BLOCKS, Math.max(1, (total / 4 + THREADS - 1) / THREADS));
        int quadBlocks = (int) (((pixels + 3L) / 4 + THREADS - 1) / THREADS);
        Pointer flat = Pointer.to(Pointer.to(src), Pointer.to(dst), Pointer.to(new long[] {total}));
        if (kernel.equals("content_sums") || kernel.equals("bgr_content_sums")) {
            cuMemsetD8Async(dst, (byte) 0, (long) (frames - 1) * 3 * Sizeof.LONG, stream.handle());
        }
        cuEventRecord(kernelStart, stream.handle());
        switch (kernel) {
            case "bgr_to_rgb" -> launch(bgrToRgb, flatBlocks, 1, 1, THREADS, 1, flat);
            case "bgr_to_gray" -> launch(bgrToGray, flatBlocks, 1, 1, THREADS, 1, flat);
            case "bgr_to_hsv" -> launch(bgrToHsv, flatBlocks, 1, 1, THREADS, 1, Pointer.to(Pointer.to(src),
                    Pointer.to(dst), Pointer.to(new long[] {total}), Pointer.to(hsvTables)));
            case "resize_bilinear" -> launch(resize, ceil(dstWidth, TILE), ceil(dstHeight, TILE), frames, TILE, TILE,
                    Pointer.to(Pointer.to(src), Pointer.to(new int[] {width}), Pointer.to(new int[] {height}),
                            Pointer.to(new int[] {3}), Pointer.to(dst), Pointer.to(new int[] {dstWidth}),
                            Pointer.to(new int[] {dstHeight})));
            case "resize_linear_exact" -> launch(resizeExact, ceil(dstWidth, TILE), ceil(dstHeight, TILE), frames, TILE,
                    TILE, Pointer.to(Pointer.to(src), Pointer.to(new int[] {width}), Pointer.to(new int[] {height}),
                            Pointer.to(new int[] {3}), Pointer.to(dst), Pointer.to(new int[] {dstWidth}),
                            Pointer.to(new int[] {dstHeight})));
            case "content_sums" -> launch(contentSums, quadBlocks, 1, 1, THREADS, 1, Pointer.to(Pointer.to(src),
                    Pointer.to(new int[] {pixels}), Pointer.to(new int[] {frames}), Pointer.to(dst)));
            case "bgr_content_sums" -> launch(bgrContentSums, quadBlocks, 1, 1, THREADS, 1, Pointer.to(Pointer.to(src),
                    Pointer.to(new int[] {pixels}), Pointer.to(new int[] {frames}), Pointer.to(hsvTables),
                    Pointer.to(dst)));
            default -> throw new IllegalArgumentException("no kernel " + kernel + " in frames.cu");
        }
        cuEventRecord(kernelEnd, stream.handle());
        stream.synchronize();
        return elapsedNanos(kernelStart, kernelEnd);
    }

    /** Transfers and kernel time of the last call. */
    public Stats lastStats() {
        return last;
    }

    /** Device bytes held by this instance's pool. */
    public long deviceBytesHeld() {
        return pool.bytesHeld();
    }

    /** Frees this instance's device and pinned memory, events and stream (not the device). */
    @Override
    public void close() {
        device.bind();
        stream.synchronize();
        for (CUevent event : List.of(uploadStart, uploadEnd, kernelStart, kernelEnd)) {
            cuEventDestroy(event);
        }
        if (pinned != null) {
            pinned.close();
        }
        pool.close();
        stream.close();
    }

    private List<byte[]> convert(CUfunction kernel, List<byte[]> frames, int width, int height, int outChannels,
            boolean tables) {
        device.bind();
        if (frames.isEmpty()) {
            return List.of();
        }
        int pixels = pixels(width, height);
        int inBytes = Math.multiplyExact(pixels, 3);
        int outBytes = pixels * outChannels;
        CUdeviceptr src = upload(null, frames, inBytes, inBytes);
        long total = (long) pixels * frames.size();
        int blocks = (int) Math.min(MAX_GRID_BLOCKS, Math.max(1, (total / 4 + THREADS - 1) / THREADS));
        return launchAndDownload(kernel, new int[] {blocks, 1, 1, THREADS, 1}, dst -> tables
                ? Pointer.to(Pointer.to(src), Pointer.to(dst), Pointer.to(new long[] {total}), Pointer.to(hsvTables))
                : Pointer.to(Pointer.to(src), Pointer.to(dst), Pointer.to(new long[] {total})),
                src, frames.size(), inBytes, outBytes);
    }

    private double[] scores(CUfunction kernel, boolean bgr, byte[] previous, List<byte[]> frames, int width,
            int height) {
        device.bind();
        int pixels = pixels(width, height);
        int frameBytes = Math.multiplyExact(pixels, 3);
        int count = frames.size() + (previous == null ? 0 : 1);
        double[] out = new double[frames.size()];
        if (count < 2) {
            Arrays.fill(out, Double.NaN);
            last = new Stats(frames.size(), 0, 0, 0);
            return out;
        }
        CUdeviceptr src = upload(previous, frames, frameBytes, frameBytes);
        try {
            long[] sums = launchContentSums(kernel, bgr, src, count, pixels);
            double[] pairScores = scoresFromSums(sums, count - 1, pixels);
            int offset = previous == null ? 1 : 0;
            if (offset == 1) {
                out[0] = Double.NaN;
            }
            System.arraycopy(pairScores, 0, out, offset, pairScores.length);
            recordStats(count, (long) count * frameBytes);
            return out;
        } finally {
            pool.release(src);
        }
    }

    /** Runs a content-sums kernel over {@code frames} frames at {@code src}; the pair sums, 3 per pair. */
    private long[] launchContentSums(CUfunction kernel, boolean bgr, CUdeviceptr src, int frames, int pixels) {
        int pairs = frames - 1;
        long sumBytes = (long) pairs * 3 * Sizeof.LONG;
        CUdeviceptr sums = pool.acquire(sumBytes);
        try {
            cuMemsetD8Async(sums, (byte) 0, sumBytes, stream.handle());
            long quads = (pixels + 3L) / 4;
            int blocks = (int) ((quads + THREADS - 1) / THREADS);
            Pointer params = bgr
                    ? Pointer.to(Pointer.to(src), Pointer.to(new int[] {pixels}), Pointer.to(new int[] {frames}),
                            Pointer.to(hsvTables), Pointer.to(sums))
                    : Pointer.to(Pointer.to(src), Pointer.to(new int[] {pixels}), Pointer.to(new int[] {frames}),
                            Pointer.to(sums));
            cuEventRecord(kernelStart, stream.handle());
            launch(kernel, blocks, 1, 1, THREADS, 1, params);
            cuEventRecord(kernelEnd, stream.handle());
            PinnedHostBuffer host = pinned(sumBytes);
            cuMemcpyDtoHAsync(host.pointer(), sums, sumBytes, stream.handle());
            stream.synchronize();
            long[] out = new long[pairs * 3];
            host.buffer().clear();
            host.buffer().asLongBuffer().get(out);
            return out;
        } finally {
            pool.release(sums);
        }
    }

    private static double[] scoresFromSums(long[] sums, int pairs, int pixels) {
        double[] out = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            out[i] = ContentScore.score(new long[] {sums[3 * i], sums[3 * i + 1], sums[3 * i + 2]}, pixels);
        }
        return out;
    }

    /**
     * Copies {@code leading} (if any) and {@code frames} back to back through the pinned buffer to a
     * new device buffer; the pinned buffer is sized for {@code hostBytesPerFrame} per frame so the
     * result can come back through it.
     */
    private CUdeviceptr upload(byte[] leading, List<byte[]> frames, int frameBytes, long hostBytesPerFrame) {
        int count = frames.size() + (leading == null ? 0 : 1);
        long bytes = (long) count * frameBytes;
        PinnedHostBuffer host = pinned(Math.max(bytes, hostBytesPerFrame * count));
        ByteBuffer buffer = host.buffer();
        buffer.clear();
        if (leading != null) {
            put(buffer, leading, frameBytes, -1);
        }
        for (int i = 0; i < frames.size(); i++) {
            put(buffer, frames.get(i), frameBytes, i);
        }
        CUdeviceptr device = pool.acquire(bytes);
        cuEventRecord(uploadStart, stream.handle());
        cuMemcpyHtoDAsync(device, host.pointer(), bytes, stream.handle());
        cuEventRecord(uploadEnd, stream.handle());
        return device;
    }

    private static void put(ByteBuffer buffer, byte[] frame, int frameBytes, int index) {
        if (frame.length < frameBytes) {
            throw new IllegalArgumentException((index < 0 ? "the previous frame" : "frame " + index) + " has "
                    + frame.length + " bytes, the frame size needs " + frameBytes);
        }
        buffer.put(frame, 0, frameBytes);
    }

    /** Copies {@code frames} results of {@code frameBytes} each back through the pinned buffer. */
    private List<byte[]> download(CUdeviceptr dst, int frames, int frameBytes) {
        long bytes = (long) frames * frameBytes;
        PinnedHostBuffer host = pinned(bytes);
        cuMemcpyDtoHAsync(host.pointer(), dst, bytes, stream.handle());
        stream.synchronize();
        ByteBuffer buffer = host.buffer();
        buffer.clear();
        List<byte[]> out = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            byte[] frame = new byte[frameBytes];
            buffer.get(frame);
            out.add(frame);
        }
        return out;
    }

    /** Stats of a finished call that uploaded {@code uploadBytes} (the stream has been synchronised). */
    private void recordStats(int frames, long uploadBytes) {
        last = new Stats(frames, uploadBytes, elapsedNanos(uploadStart, uploadEnd), elapsedNanos(kernelStart, kernelEnd));
    }

    /** The pinned buffer, grown (never shrunk) to at least {@code bytes}; waits for queued copies first. */
    private PinnedHostBuffer pinned(long bytes) {
        if (pinned == null || pinned.capacity() < bytes) {
            stream.synchronize();
            if (pinned != null) {
                pinned.close();
            }
            pinned = PinnedHostBuffer.allocate(Math.max(bytes, 1 << 20));
        }
        return pinned;
    }

    private void launch(CUfunction kernel, int gridX, int gridY, int gridZ, int blockX, int blockY, Pointer params) {
        cuLaunchKernel(kernel, gridX, gridY, gridZ, blockX, blockY, 1, 0, stream.handle(), params, null);
    }

    private static long elapsedNanos(CUevent start, CUevent end) {
        float[] ms = new float[1];
        cuEventElapsedTime(ms, start, end);
        return Math.round(ms[0] * 1e6);
    }

    private static int pixels(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        return Math.multiplyExact(width, height);
    }

    private static int ceil(int n, int d) {
        return (n + d - 1) / d;
    }
}
