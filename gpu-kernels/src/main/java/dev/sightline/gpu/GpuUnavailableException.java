package dev.sightline.gpu;

/** The GPU path cannot run here; the message says what is missing (driver, device, or built kernels). */
public class GpuUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with the reason the GPU cannot be used. */
    public GpuUnavailableException(String reason) {
        super(reason);
    }

    /** An exception with the reason the GPU cannot be used and the failure that showed it. */
    public GpuUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
