package dev.sightline.gpu;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jcuda.CudaException;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * One CUDA device and its primary context (shared by every user in the process through the
 * driver's reference count, so no state of ours is static); loads the PTX modules of this module.
 */
public final class CudaDevice implements AutoCloseable {

    /** Environment variable naming a folder of PTX files that replaces the jar's. */
    public static final String PTX_DIR_ENV = "SIGHTLINE_PTX_DIR";
    /** The PTX modules the build compiles (src/main/cuda/*.cu). */
    public static final List<String> MODULES = List.of("frames", "hog");
    /** Classpath folder of the PTX files that the Maven build compiles with nvcc. */
    public static final String PTX_RESOURCE_DIR = "/dev/sightline/gpu/ptx/";

    private static final String BUILD_HINT = "build them with nvcc on the PATH (mvn -pl gpu-kernels package, "
            + "or gpu-kernels/src/main/cuda/build-ptx.sh DIR and set " + PTX_DIR_ENV + "=DIR)";

    private final int ordinal;
    private final CUdevice device;
    private final CUcontext context;
    private final Map<String, CudaModule> modules = new HashMap<>();
    private boolean closed;

    private CudaDevice(int ordinal, CUdevice device, CUcontext context) {
        this.ordinal = ordinal;
        this.device = device;
        this.context = context;
    }

    /**
     * Opens device {@code ordinal}: initialises the driver, retains the device's primary context and
     * makes it current on the calling thread.
     *
     * @throws GpuUnavailableException when the driver library, the device or the driver call fails
     */
    public static CudaDevice open(int ordinal) {
        try {
            JCudaDriver.setExceptionsEnabled(true);
            cuInit(0);
            int[] count = new int[1];
            cuDeviceGetCount(count);
            if (ordinal < 0 || ordinal >= count[0]) {
                throw new GpuUnavailableException("no CUDA device " + ordinal + ": the driver reports " + count[0]
                        + " device(s)");
            }
            CUdevice device = new CUdevice();
            cuDeviceGet(device, ordinal);
            CUcontext context = new CUcontext();
            cuDevicePrimaryCtxRetain(context, device);
            cuCtxSetCurrent(context);
            return new CudaDevice(ordinal, device, context);
        } catch (LinkageError e) {
            throw new GpuUnavailableException(driverMissingReason(e), e);
        } catch (CudaException e) {
            throw new GpuUnavailableException("the CUDA driver failed to open device " + ordinal + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Why the GPU path cannot run here (no driver, no device, kernels not built or not loadable);
     * empty when device 0 opens and loads every kernel module ({@link #MODULES}).
     */
    public static Optional<String> unavailableReason() {
        try (CudaDevice probe = open(0)) {
            for (String module : MODULES) {
                probe.module(module);
            }
            return Optional.empty();
        } catch (GpuUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Whether every kernel module's PTX can be found (in {@code SIGHTLINE_PTX_DIR} or on the classpath). */
    public static boolean kernelsBuilt() {
        return MODULES.stream().allMatch(CudaDevice::ptxPresent);
    }

    /** Makes this device's context current on the calling thread (each thread that launches must). */
    public void bind() {
        checkOpen();
        cuCtxSetCurrent(context);
    }

    /** The device's name as the driver reports it. */
    public String name() {
        byte[] name = new byte[256];
        cuDeviceGetName(name, name.length, device);
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        return new String(name, 0, end, StandardCharsets.US_ASCII);
    }

    /** The device's total memory in bytes. */
    public long totalMemoryBytes() {
        long[] bytes = new long[1];
        cuDeviceTotalMem(bytes, device);
        return bytes[0];
    }

    /**
     * The PTX module {@code ptxName} ({@code <ptxName>.ptx} from {@code SIGHTLINE_PTX_DIR} when set,
     * else from the classpath), loaded once per device instance.
     *
     * @throws GpuUnavailableException when the PTX was not built or the driver cannot load it
     */
    public synchronized CudaModule module(String ptxName) {
        checkOpen();
        CudaModule loaded = modules.get(ptxName);
        if (loaded == null) {
            byte[] ptx = ptxSource(ptxName).orElseThrow(() -> new GpuUnavailableException(kernelsMissingReason(ptxName)));
            bind();
            CUmodule module = new CUmodule();
            try {
                cuModuleLoadData(module, ptx);
            } catch (CudaException e) {
                throw new GpuUnavailableException("the CUDA driver could not load " + ptxName + ".ptx on " + name()
                        + " (PTX built for a newer driver or architecture?): " + e.getMessage(), e);
            }
            loaded = new CudaModule(ptxName, module);
            modules.put(ptxName, loaded);
        }
        return loaded;
    }

    /** Unloads this instance's modules and releases its reference on the primary context. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        cuCtxSetCurrent(context);
        for (CudaModule module : modules.values()) {
            cuModuleUnload(module.handle());
        }
        modules.clear();
        cuDevicePrimaryCtxRelease(device);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("CUDA device " + ordinal + " is closed");
        }
    }

    /** A one-line reason from JCuda's (long, multi-part) native loading error. */
    private static String driverMissingReason(LinkageError e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("libcuda.so")) {
            return "no CUDA driver: the NVIDIA driver library libcuda.so.1 cannot be loaded (no NVIDIA driver "
                    + "installed, or not on the library path)";
        }
        if (e instanceof NoClassDefFoundError) {
            return "no CUDA driver: JCuda's driver binding already failed to load in this process "
                    + "(libcuda.so.1 or JCuda's native libJCudaDriver missing)";
        }
        return "no CUDA driver: JCuda's native libJCudaDriver (needs libcuda.so.1) cannot be loaded: "
                + message.lines().findFirst().orElse(message);
    }

    private static String kernelsMissingReason(String ptxName) {
        String dir = System.getenv(PTX_DIR_ENV);
        return "GPU kernels not built: no " + ptxName + ".ptx " + (dir == null ? "" : "in " + PTX_DIR_ENV + "=" + dir
                + " nor ") + "on the classpath at " + PTX_RESOURCE_DIR + " (the build had no nvcc); " + BUILD_HINT;
    }

    /** Whether {@code <ptxName>.ptx} is in {@code SIGHTLINE_PTX_DIR} or on the classpath (without reading it). */
    private static boolean ptxPresent(String ptxName) {
        String dir = System.getenv(PTX_DIR_ENV);
        if (dir != null && !dir.isBlank() && Files.isRegularFile(Path.of(dir, ptxName + ".ptx"))) {
            return true;
        }
        return CudaDevice.class.getResource(PTX_RESOURCE_DIR + ptxName + ".ptx") != null;
    }

    /** The PTX text of {@code ptxName}, NUL-terminated as cuModuleLoadData wants it. */
    private static Optional<byte[]> ptxSource(String ptxName) {
        String dir = System.getenv(PTX_DIR_ENV);
        try {
            if (dir != null && !dir.isBlank()) {
                Path file = Path.of(dir, ptxName + ".ptx");
                if (Files.isRegularFile(file)) {
                    return Optional.of(terminated(Files.readAllBytes(file)));
                }
            }
            try (InputStream in = CudaDevice.class.getResourceAsStream(PTX_RESOURCE_DIR + ptxName + ".ptx")) {
                return in == null ? Optional.empty() : Optional.of(terminated(in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ptxName + ".ptx", e);
        }
    }

    private static byte[] terminated(byte[] text) {
        byte[] out = new byte[text.length + 1];
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }
}
