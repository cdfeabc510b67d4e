package dev.sightline.gpu;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;

/**
 * Measures the frame kernels on 1080p BGR frames: the card's copy bandwidth, host-to-device
 * bandwidth (pinned and pageable), each kernel's achieved bandwidth and share of the copy
 * bandwidth, content-score frames/s resident and with uploads, and the CPU twins' frames/s for the
 * same work. Without a usable GPU it returns the CPU rows and one row saying why.
 */
public final class KernelBenchmark {

    /** One measured value. */
    public record Row(String name, double value, String unit, String note) {
    }

    /** Frame width measured (1080p). */
    public static final int WIDTH = 1920;
    /** Frame height measured (1080p). */
    public static final int HEIGHT = 1080;
    /** PCIe 5.0 x16 host-to-device bandwidth the upload bound is computed from, GB/s. */
    public static final double PCIE_GBPS = 54.5;

    private static final int RESIZE_WIDTH = 640;
    private static final int RESIZE_HEIGHT = 360;
    private static final long FRAME_BYTES = (long) WIDTH * HEIGHT * 3;

    private final int batch;
    private final int repeats;

    /** A benchmark over batches of {@code batch} frames, each GPU measurement the mean of {@code repeats} runs. */
    public KernelBenchmark(int batch, int repeats) {
        if (batch < 2 || repeats < 1) {
            throw new IllegalArgumentException("batch must be at least 2 and repeats at least 1, got " + batch
                    + " and " + repeats);
        }
        this.batch = batch;
        this.repeats = repeats;
    }

    /** Prints the rows; arguments: [batch (default 64)] [repeats (default 10)]. */
    public static void main(String[] args) {
        int batchSize = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int repeatCount = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        for (Row row : new KernelBenchmark(batchSize, repeatCount).run()) {
            System.out.println(String.format(Locale.ROOT, "%-44s %12.2f %-8s %s", row.name(), row.value(), row.unit(),
                    row.note()));
        }
    }

    /** Every row: CPU twins first, then the GPU's (or why there are none). */
    public List<Row> run() {
        List<byte[]> frames = randomFrames(Math.min(batch, 16));
        List<Row> rows = new ArrayList<>(cpuRows(frames));
        Optional<String> reason = CudaDevice.unavailableReason();
        if (reason.isPresent()) {
            rows.add(new Row("gpu", Double.NaN, "", "no GPU rows: " + reason.get()));
            return rows;
        }
        try (CudaDevice device = CudaDevice.open(0); GpuFrameKernels kernels = new GpuFrameKernels(device)) {
            rows.add(new Row("gpu device", device.totalMemoryBytes() / 1e9, "GB", device.name()));
            rows.addAll(gpuRows(kernels, frames));
        }
        return rows;
    }

    private List<Row> cpuRows(List<byte[]> frames) {
        int pixels = WIDTH * HEIGHT;
        byte[] out3 = new byte[pixels * 3];
        byte[] out1 = new byte[pixels];
        byte[] hsvPrevious = new byte[pixels * 3];
        byte[] small = new byte[RESIZE_WIDTH * RESIZE_HEIGHT * 3];
        int n = Math.min(frames.size(), 8);
        String note = "CPU twin, one thread, 1080p";
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("cpu content score", framesPerSecond(n, i -> {
            ColorConversion.bgrToHsv(frames.get(i), out3, pixels);
            ContentScore.channelSums(out3, hsvPrevious, pixels);
        }), "frames/s", note + " (HSV of each frame once + sums)"));
        rows.add(new Row("cpu bgr_to_hsv", framesPerSecond(n, i -> ColorConversion.bgrToHsv(frames.get(i), out3, pixels)),
                "frames/s", note));
        rows.add(new Row("cpu bgr_to_gray", framesPerSecond(n, i -> ColorConversion.bgrToGray(frames.get(i), out1,
                pixels)), "frames/s", note));
        rows.add(new Row("cpu bgr_to_rgb", framesPerSecond(n, i -> ColorConversion.bgrToRgb(frames.get(i), out3, pixels)),
                "frames/s", note));
        rows.add(new Row("cpu resize 1080p->640x360", framesPerSecond(n, i -> BilinearResize.resize(frames.get(i),
                WIDTH, HEIGHT, 3, small, RESIZE_WIDTH, RESIZE_HEIGHT)), "frames/s", note));
        return rows;
    }

    private List<Row> gpuRows(GpuFrameKernels kernels, List<byte[]> distinct) {
        List<Row> rows = new ArrayList<>();
        double copyGbps = copyBandwidth(1L << 30);
        rows.add(new Row("gpu device-to-device copy", copyGbps, "GB/s", "cuMemcpyDtoD of 1 GiB, read + write bytes"));
        rows.add(new Row("host-to-device pinned", hostToDevice(true), "GB/s", "cuMemcpyHtoD of 256 MiB, pinned"));
        rows.add(new Row("host-to-device pageable", hostToDevice(false), "GB/s", "cuMemcpyHtoD of 256 MiB, pageable"));

        long frameBytes = FRAME_BYTES;
        long pixelsPerFrame = (long) WIDTH * HEIGHT;
        CUdeviceptr src = new CUdeviceptr();
        CUdeviceptr dst = new CUdeviceptr();
        cuMemAlloc(src, frameBytes * batch);
        cuMemAlloc(dst, frameBytes * batch);
        try {
            for (int i = 0; i < batch; i++) {
                cuMemcpyHtoD(src.withByteOffset(i * frameBytes), Pointer.to(distinct.get(i % distinct.size())), frameBytes);
            }
            long smallBytes = (long) RESIZE_WIDTH * RESIZE_HEIGHT * 3;
            rows.add(kernelRow(kernels, "bgr_to_rgb", src, dst, 2 * frameBytes, copyGbps, ""));
            rows.add(kernelRow(kernels, "bgr_to_gray", src, dst, frameBytes + pixelsPerFrame, copyGbps, ""));
            rows.add(kernelRow(kernels, "bgr_to_hsv", src, dst, 2 * frameBytes, copyGbps, ""));
            rows.add(kernelRow(kernels, "resize_bilinear", src, dst, frameBytes + smallBytes, copyGbps,
                    "1080p->640x360, bytes counted: whole source + destination"));
            rows.add(kernelRow(kernels, "content_sums", src, dst, frameBytes, copyGbps, "HSV frames in, 24 B/pair out"));
            double fusedNanos = meanNanos(kernels, "bgr_content_sums", src, dst);
            rows.add(bandwidthRow("bgr_content_sums", fusedNanos, frameBytes, copyGbps, "fused BGR->HSV + sums"));
            rows.add(new Row("gpu content score resident", (batch - 1) / (fusedNanos / 1e9), "frames/s",
                    "1080p frames already on the device, fused kernel, batch " + batch));
        } finally {
            cuMemFree(src);
            cuMemFree(dst);
        }

        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            list.add(distinct.get(i % distinct.size()));
        }
        kernels.contentScores(null, list, WIDTH, HEIGHT);
        long start = System.nanoTime();
        long uploadNanos = 0;
        for (int r = 0; r < repeats; r++) {
            kernels.contentScores(list.get(0), list, WIDTH, HEIGHT);
            uploadNanos += kernels.lastStats().uploadNanos();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        rows.add(new Row("gpu content score with uploads", repeats * (double) batch / seconds, "frames/s",
                "contentScores(List<byte[]>): pinned staging copy + upload + kernel, batch " + batch));
        rows.add(new Row("gpu upload during content score", repeats * (double) (batch + 1) * frameBytes / uploadNanos,
                "GB/s", "pinned cuMemcpyHtoDAsync (CUDA events)"));
        rows.add(new Row("pcie bound content score", PCIE_GBPS * 1e9 / frameBytes, "frames/s",
                PCIE_GBPS + " GB/s / " + frameBytes + " bytes per 1080p BGR frame"));
        return rows;
    }

    private Row kernelRow(GpuFrameKernels kernels, String kernel, CUdeviceptr src, CUdeviceptr dst, long bytesPerFrame,
            double copyGbps, String note) {
        return bandwidthRow(kernel, meanNanos(kernels, kernel, src, dst), bytesPerFrame, copyGbps, note);
    }

    private Row bandwidthRow(String kernel, double nanos, long bytesPerFrame, double copyGbps, String note) {
        double gbps = bytesPerFrame * (double) batch / nanos;
        return new Row("gpu " + kernel, gbps, "GB/s", String.format(Locale.ROOT,
                "%.1f%% of copy bandwidth, %.0f frames/s, batch %d 1080p%s", 100 * gbps / copyGbps,
                batch / (nanos / 1e9), batch, note.isEmpty() ? "" : ", " + note));
    }

    private double meanNanos(GpuFrameKernels kernels, String kernel, CUdeviceptr src, CUdeviceptr dst) {
        kernels.timeResident(kernel, src, dst, batch, WIDTH, HEIGHT, RESIZE_WIDTH, RESIZE_HEIGHT);
        long total = 0;
        for (int r = 0; r < repeats; r++) {
            total += kernels.timeResident(kernel, src, dst, batch, WIDTH, HEIGHT, RESIZE_WIDTH, RESIZE_HEIGHT);
        }
        return total / (double) repeats;
    }

    /** Device-to-device copy of {@code bytes}: (read + written bytes) / time, GB/s. */
    private double copyBandwidth(long bytes) {
        CUdeviceptr a = new CUdeviceptr();
        CUdeviceptr b = new CUdeviceptr();
        CUevent start = new CUevent();
        CUevent end = new CUevent();
        cuMemAlloc(a, bytes);
        cuMemAlloc(b, bytes);
        cuEventCreate(start, CUevent_flags.CU_EVENT_DEFAULT);
        cuEventCreate(end, CUevent_flags.CU_EVENT_DEFAULT);
        try (CudaStream stream = new CudaStream()) {
            cuMemcpyDtoDAsync(b, a, bytes, stream.handle());
            cuEventRecord(start, stream.handle());
            for (int r = 0; r < repeats; r++) {
                cuMemcpyDtoDAsync(b, a, bytes, stream.handle());
            }
            cuEventRecord(end, stream.handle());
            stream.synchronize();
            float[] ms = new float[1];
            cuEventElapsedTime(ms, start, end);
            return 2.0 * bytes * repeats / (ms[0] * 1e6);
        } finally {
            cuEventDestroy(start);
            cuEventDestroy(end);
            cuMemFree(a);
            cuMemFree(b);
        }
    }

    /** Host-to-device bandwidth of 256 MiB from pinned or pageable (direct ByteBuffer) memory, GB/s. */
    private double hostToDevice(boolean pinned) {
        long bytes = 256L << 20;
        CUdeviceptr device = new CUdeviceptr();
        cuMemAlloc(device, bytes);
        PinnedHostBuffer pinnedBuffer = pinned ? PinnedHostBuffer.allocate(bytes) : null;
        try {
            Pointer host = pinned ? pinnedBuffer.pointer() : Pointer.to(ByteBuffer.allocateDirect((int) bytes));
            cuMemcpyHtoD(device, host, bytes);
            long start = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                cuMemcpyHtoD(device, host, bytes);
            }
            return bytes * (double) repeats / (System.nanoTime() - start);
        } finally {
            if (pinnedBuffer != null) {
                pinnedBuffer.close();
            }
            cuMemFree(device);
        }
    }

    /** Frames/s of {@code work} over frames 0..n-1, after one warm-up pass. */
    private static double framesPerSecond(int n, java.util.function.IntConsumer work) {
        for (int i = 0; i < n; i++) {
            work.accept(i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            work.accept(i);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static List<byte[]> randomFrames(int count) {
        Random random = new Random(42);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] frame = new byte[(int) FRAME_BYTES];
            random.nextBytes(frame);
            out.add(frame);
        }
        return out;
    }
}
