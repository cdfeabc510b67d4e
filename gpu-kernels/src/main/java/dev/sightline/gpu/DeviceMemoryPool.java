package dev.sightline.gpu;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jcuda.CudaException;
import jcuda.driver.CUdeviceptr;

/**
 * Device allocations in the current context, reused by size class (powers of two, at least 256
 * bytes); not thread-safe: one owner (e.g. one {@link GpuFrameKernels}).
 */
public final class DeviceMemoryPool implements AutoCloseable {

    private static final long MIN_CLASS = 256;

    private final Map<Long, ArrayDeque<CUdeviceptr>> free = new TreeMap<>();
    private final Map<CUdeviceptr, Long> inUse = new IdentityHashMap<>();
    private long bytesHeld;

    /** At least {@code bytes} of device memory (256-byte aligned), from the pool or newly allocated. */
    public CUdeviceptr acquire(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("cannot allocate " + bytes + " bytes");
        }
        long size = sizeClass(bytes);
        ArrayDeque<CUdeviceptr> ready = free.get(size);
        CUdeviceptr pointer = ready == null ? null : ready.poll();
        if (pointer == null) {
            pointer = new CUdeviceptr();
            try {
                cuMemAlloc(pointer, size);
            } catch (CudaException e) {
                throw new IllegalStateException("cannot allocate " + size + " bytes of device memory (pool holds "
                        + bytesHeld + "): " + e.getMessage(), e);
            }
            bytesHeld += size;
        }
        inUse.put(pointer, size);
        return pointer;
    }

    /** Returns an allocation from {@link #acquire} for reuse. */
    public void release(CUdeviceptr pointer) {
        Long size = inUse.remove(pointer);
        if (size == null) {
            throw new IllegalArgumentException("pointer was not acquired from this pool (or released twice)");
        }
        free.computeIfAbsent(size, s -> new ArrayDeque<>()).push(pointer);
    }

    /** Device bytes this pool holds, in use or free. */
    public long bytesHeld() {
        return bytesHeld;
    }

    /** Frees every allocation, in use or not. */
    @Override
    public void close() {
        List<CUdeviceptr> all = new ArrayList<>(inUse.keySet());
        free.values().forEach(all::addAll);
        for (CUdeviceptr pointer : all) {
            cuMemFree(pointer);
        }
        inUse.clear();
        free.clear();
        bytesHeld = 0;
    }

    /** The power of two (at least 256) that holds {@code bytes}. */
    static long sizeClass(long bytes) {
        long n = Math.max(bytes, MIN_CLASS);
        long size = Long.highestOneBit(n);
        return size == n ? n : size << 1;
    }
}
