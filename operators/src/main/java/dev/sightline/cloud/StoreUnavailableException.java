package dev.sightline.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The store could not be reached or was too busy to answer (connection reset or refused, time-out,
 * HTTP 5xx, throttling) even after its client's own retries. The object is not bad: a task that
 * meets this fails, so Flink restarts it from its checkpoint and the object is read again, instead
 * of recording the object as unreadable input.
 */
public class StoreUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first store failure among {@code problem} and its causes, if any. */
    public static Optional<StoreUnavailableException> in(Throwable problem) {
        for (Throwable t = problem; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException unavailable) {
                return Optional.of(unavailable);
            }
        }
        return Optional.empty();
    }

    /**
     * Throws, unchecked, the store failure behind {@code problem} if there is one; code that turns
     * exceptions into an object's outcome calls this first, so a broken connection never passes
     * for bad input.
     */
    public static void rethrowIn(Throwable problem) {
        Optional<StoreUnavailableException> unavailable = in(problem);
        if (unavailable.isPresent()) {
            throw unchecked(unavailable.get());
        }
    }

    /** This failure as an unchecked exception for code that cannot throw {@link IOException}. */
    public static UncheckedIOException unchecked(StoreUnavailableException e) {
        return new UncheckedIOException(e.getMessage(), e);
    }
}
