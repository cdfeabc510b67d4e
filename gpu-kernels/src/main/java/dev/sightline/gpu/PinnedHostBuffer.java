package dev.sightline.gpu;

import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jcuda.Pointer;

/** Page-locked host memory (cuMemAllocHost) for fast async copies; reused across batches. */
public final class PinnedHostBuffer implements AutoCloseable {

    private final Pointer pointer;
    private final ByteBuffer buffer;
    private final long capacity;
    private boolean closed;

    private PinnedHostBuffer(Pointer pointer, long capacity) {
        this.pointer = pointer;
        this.capacity = capacity;
        this.buffer = pointer.getByteBuffer(0, capacity).order(ByteOrder.nativeOrder());
    }

    /** {@code bytes} of pinned memory in the current context (at most 2^31 - 1: one ByteBuffer). */
    public static PinnedHostBuffer allocate(long bytes) {
        if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pinned buffers hold 1 to " + Integer.MAX_VALUE + " bytes, not " + bytes);
        }
        Pointer pointer = new Pointer();
        cuMemAllocHost(pointer, bytes);
        return new PinnedHostBuffer(pointer, bytes);
    }

    /** The memory as a native-order ByteBuffer (position and limit are the caller's to manage). */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** The host pointer, for cuMemcpy*Async. */
    public Pointer pointer() {
        return pointer;
    }

    /** Size in bytes. */
    public long capacity() {
        return capacity;
    }

    /** Frees the pinned memory (once). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cuMemFreeHost(pointer);
        }
    }
}
