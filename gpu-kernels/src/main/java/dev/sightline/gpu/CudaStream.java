package dev.sightline.gpu;

import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/** A CUDA stream in the context current on the creating thread (bind the device first). */
public final class CudaStream implements AutoCloseable {

    private final CUstream stream = new CUstream();

    /** A non-blocking stream (it does not synchronise with the legacy default stream). */
    public CudaStream() {
        cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING);
    }

    /** The driver handle, for launches and async copies. */
    public CUstream handle() {
        return stream;
    }

    /** Waits until everything queued on the stream has run. */
    public void synchronize() {
        cuStreamSynchronize(stream);
    }

    /** Destroys the stream. */
    @Override
    public void close() {
        cuStreamDestroy(stream);
    }
}
