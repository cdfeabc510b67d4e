package dev.sightline.gpu;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUfunction;
import jcuda.driver.CUevent_flags;

/**
 * The HOG people detector on the GPU, with the same {@code detect} contract as
 * {@link HogPeopleTwin}: one upload of the BGR frame, then per pyramid level resize_linear_exact
 * (frames.cu, OpenCV's INTER_LINEAR_EXACT as detectMultiScale uses) and the four hog.cu stages on one stream, the scores of every window of every level
 * downloaded once, candidates (score >= 0) grouped on the host by {@link RectangleGrouping}.
 * Device and pinned buffers are kept and reused across frames (grown when a bigger frame comes).
 * Not thread-safe; binds the device's context to the calling thread.
 */
public final class GpuHogPeopleDetector implements AutoCloseable {

    private static final int BLOCK_2D = 16;
    private static final int THREADS = 128;

    private final CudaDevice device;
    private final HogSvm svm;
    private final CudaStream stream;
    private final DeviceMemoryPool pool;
    private final CUfunction gradients;
    private final CUfunction histograms;
    private final CUfunction normalize;
    private final CUfunction windowScores;
    private final CUfunction resize;
    private final CUdeviceptr gammaTable;
    private final CUdeviceptr voteOffsets;
    private final CUdeviceptr voteWeights;
    private final CUdeviceptr svmWeights;
    private final CUevent start = new CUevent();
    private final CUevent stop = new CUevent();
    private final DeviceBuffer frame = new DeviceBuffer();
    private final DeviceBuffer level = new DeviceBuffer();
    private final DeviceBuffer votes = new DeviceBuffer();
    private final DeviceBuffer bins = new DeviceBuffer();
    private final DeviceBuffer hists = new DeviceBuffer();
    private final DeviceBuffer scores = new DeviceBuffer();
    private PinnedHostBuffer hostFrame;
    private PinnedHostBuffer hostScores;
    private long lastKernelNanos;
    private long lastUploadBytes;

    /** A detector with OpenCV's default people SVM on {@code device} (which the caller keeps and closes). */
    public GpuHogPeopleDetector(CudaDevice device) {
        this(device, HogSvm.defaultPeople());
    }

    /** A detector with the given SVM on {@code device} (which the caller keeps and closes). */
    public GpuHogPeopleDetector(CudaDevice device, HogSvm svm) {
        this.device = device;
        this.svm = svm;
        device.bind();
        CudaModule hog = device.module("hog");
        this.gradients = hog.function("hog_gradients");
        this.histograms = hog.function("hog_block_histograms");
        this.normalize = hog.function("hog_normalize_blocks");
        this.windowScores = hog.function("hog_window_scores");
        this.resize = device.module("frames").function("resize_linear_exact");
        this.stream = new CudaStream();
        this.pool = new DeviceMemoryPool();
        HogCellVotes table = new HogCellVotes();
        this.gammaTable = upload(HogPeopleTwin.gammaTable());
        this.voteOffsets = upload(table.packedOffsets());
        this.voteWeights = upload(table.weights());
        this.svmWeights = upload(svm.weights());
        cuEventCreate(start, CUevent_flags.CU_EVENT_DEFAULT);
        cuEventCreate(stop, CUevent_flags.CU_EVENT_DEFAULT);
    }

    /** The people in a BGR frame (interleaved, 3 bytes per pixel), grouped as OpenCV groups them. */
    public List<HogDetection> detect(byte[] bgr, int width, int height) {
        return RectangleGrouping.group(candidates(bgr, width, height), HogPeopleTwin.GROUP_THRESHOLD,
                HogPeopleTwin.GROUP_EPS, width, height);
    }

    /** Every window of every level scoring at least 0, in frame pixels, before grouping (as the twin's). */
    public List<HogDetection> candidates(byte[] bgr, int width, int height) {
        List<HogLevel> pyramid = HogLevel.pyramid(width, height);
        double[][] levelScores = scores(bgr, width, height, pyramid);
        List<HogDetection> out = new ArrayList<>();
        for (int i = 0; i < pyramid.size(); i++) {
            HogPeopleTwin.addCandidates(pyramid.get(i), levelScores[i], out);
        }
        return out;
    }

    /** The SVM score of every window of every level (level by level, windows row by row). */
    public double[][] windowScores(byte[] bgr, int width, int height) {
        return scores(bgr, width, height, HogLevel.pyramid(width, height));
    }

    /** Kernel time of the last frame (CUDA events around its kernels), nanoseconds. */
    public long lastKernelNanos() {
        return lastKernelNanos;
    }

    /** Bytes uploaded for the last frame. */
    public long lastUploadBytes() {
        return lastUploadBytes;
    }

    private double[][] scores(byte[] bgr, int width, int height, List<HogLevel> pyramid) {
        long frameBytes = (long) width * height * 3;
        if (bgr.length < frameBytes) {
            throw new IllegalArgumentException("BGR frame of " + bgr.length + " bytes is smaller than " + width + "x"
                    + height + "x3");
        }
        double[][] out = new double[pyramid.size()][];
        lastKernelNanos = 0;
        lastUploadBytes = 0;
        if (pyramid.isEmpty()) {
            return out;
        }
        device.bind();
        HogLevel first = pyramid.get(0);
        long pixels = (long) first.paddedWidth() * first.paddedHeight();
        long totalWindows = 0;
        for (HogLevel l : pyramid) {
            totalWindows += l.windows();
        }
        frame.ensure(frameBytes);
        level.ensure(pyramid.size() > 1 ? (long) pyramid.get(1).width() * pyramid.get(1).height() * 3 : 1);
        votes.ensure(pixels * 2 * Sizeof.FLOAT);
        bins.ensure(pixels * 2);
        hists.ensure((long) first.blocksX() * first.blocksY() * HogLevel.BLOCK_VALUES * Sizeof.FLOAT);
        scores.ensure(totalWindows * Sizeof.DOUBLE);
        hostFrame = grow(hostFrame, frameBytes);
        hostScores = grow(hostScores, totalWindows * Sizeof.DOUBLE);

        ByteBuffer staging = hostFrame.buffer().duplicate();
        staging.clear();
        staging.put(bgr, 0, (int) frameBytes);
        cuMemcpyHtoDAsync(frame.pointer, hostFrame.pointer(), frameBytes, stream.handle());
        cuEventRecord(start, stream.handle());
        long windowOffset = 0;
        for (HogLevel l : pyramid) {
            CUdeviceptr image = frame.pointer;
            if (l.width() != width || l.height() != height) {
                launchResize(frame.pointer, width, height, level.pointer, l.width(), l.height());
                image = level.pointer;
            }
            launchLevel(l, image, scores.pointer.withByteOffset(windowOffset * Sizeof.DOUBLE));
            windowOffset += l.windows();
        }
        cuEventRecord(stop, stream.handle());
        cuMemcpyDtoHAsync(hostScores.pointer(), scores.pointer, totalWindows * Sizeof.DOUBLE, stream.handle());
        stream.synchronize();
        float[] ms = new float[1];
        cuEventElapsedTime(ms, start, stop);
        lastKernelNanos = Math.round(ms[0] * 1e6);
        lastUploadBytes = frameBytes;

        DoubleBuffer all = hostScores.buffer().duplicate().order(ByteOrder.nativeOrder()).asDoubleBuffer();
        for (int i = 0; i < pyramid.size(); i++) {
            out[i] = new double[pyramid.get(i).windows()];
            all.get(out[i]);
        }
        return out;
    }

    private void launchLevel(HogLevel l, CUdeviceptr image, CUdeviceptr levelScores) {
        int pw = l.paddedWidth();
        int ph = l.paddedHeight();
        launch(gradients, ceil(pw, BLOCK_2D), ceil(ph, BLOCK_2D), BLOCK_2D, BLOCK_2D,
                Pointer.to(Pointer.to(image), Pointer.to(new int[] {l.width()}), Pointer.to(new int[] {l.height()}),
                        Pointer.to(gammaTable), Pointer.to(votes.pointer), Pointer.to(bins.pointer)));
        int blocks = l.blocksX() * l.blocksY();
        launch(histograms, ceil(blocks, THREADS), HogCellVotes.CELLS, THREADS, 1,
                Pointer.to(Pointer.to(votes.pointer), Pointer.to(bins.pointer), Pointer.to(new int[] {pw}),
                        Pointer.to(new int[] {l.blocksX()}), Pointer.to(new int[] {l.blocksY()}),
                        Pointer.to(voteOffsets), Pointer.to(voteWeights), Pointer.to(hists.pointer)));
        launch(normalize, ceil(blocks, THREADS), 1, THREADS, 1,
                Pointer.to(Pointer.to(hists.pointer), Pointer.to(new int[] {blocks})));
        launch(windowScores, l.windowsX(), l.windowsY(), THREADS, 1,
                Pointer.to(Pointer.to(hists.pointer), Pointer.to(new int[] {l.blocksX()}), Pointer.to(svmWeights),
                        Pointer.to(new double[] {svm.bias()}), Pointer.to(levelScores)));
    }

    /** resize_linear_exact of frames.cu: one 3-channel frame, bit-identical to {@link LinearExactResize}. */
    private void launchResize(CUdeviceptr src, int width, int height, CUdeviceptr dst, int dstWidth, int dstHeight) {
        launch(resize, ceil(dstWidth, BLOCK_2D), ceil(dstHeight, BLOCK_2D), BLOCK_2D, BLOCK_2D,
                Pointer.to(Pointer.to(src), Pointer.to(new int[] {width}), Pointer.to(new int[] {height}),
                        Pointer.to(new int[] {3}), Pointer.to(dst), Pointer.to(new int[] {dstWidth}),
                        Pointer.to(new int[] {dstHeight})));
    }

    private void launch(CUfunction f, int gridX, int gridY, int blockX, int blockY, Pointer params) {
        cuLaunchKernel(f, gridX, gridY, 1, blockX, blockY, 1, 0, stream.handle(), params, null);
    }

    private static int ceil(int n, int d) {
        return (n + d - 1) / d;
    }

    private CUdeviceptr upload(float[] values) {
        CUdeviceptr p = pool.acquire((long) values.length * Sizeof.FLOAT);
        cuMemcpyHtoD(p, Pointer.to(values), (long) values.length * Sizeof.FLOAT);
        return p;
    }

    private CUdeviceptr upload(int[] values) {
        CUdeviceptr p = pool.acquire((long) values.length * Sizeof.INT);
        cuMemcpyHtoD(p, Pointer.to(values), (long) values.length * Sizeof.INT);
        return p;
    }

    private static PinnedHostBuffer grow(PinnedHostBuffer buffer, long bytes) {
        if (buffer != null && buffer.capacity() >= bytes) {
            return buffer;
        }
        if (buffer != null) {
            buffer.close();
        }
        return PinnedHostBuffer.allocate(bytes);
    }

    @Override
    public void close() {
        device.bind();
        cuEventDestroy(start);
        cuEventDestroy(stop);
        if (hostFrame != null) {
            hostFrame.close();
        }
        if (hostScores != null) {
            hostScores.close();
        }
        stream.close();
        pool.close();
    }

    /** A device allocation from the pool, replaced by a bigger one when needed. */
    private final class DeviceBuffer {
        CUdeviceptr pointer;
        long capacity;

        void ensure(long bytes) {
            if (pointer != null && capacity >= bytes) {
                return;
            }
            if (pointer != null) {
                pool.release(pointer);
            }
            pointer = pool.acquire(bytes);
            capacity = bytes;
        }
    }
}
