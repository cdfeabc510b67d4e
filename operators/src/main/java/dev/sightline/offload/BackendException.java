package dev.sightline.offload;

import java.io.IOException;

/**
 * A compute backend's call failed. The kind says whether it counts against the backend's health
 * (the circuit breaker) and whether trying again can help.
 */
public final class BackendException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the caller needs to know. */
    public enum Kind {
        /** The backend asked us to slow down (HTTP 429, Batch's TooManyRequestsException). */
        THROTTLED(true),
        /** The backend failed (HTTP 5xx, connection refused or reset, time-out). */
        UNAVAILABLE(true),
        /** The caller may not do this (HTTP 401/403). */
        ACCESS_DENIED(true),
        /** A worker could not be started (no such program, image pull failed). */
        WORKER_START(true),
        /** The request itself is wrong (a bad queue or definition name): trying again will not help. */
        REJECTED(false);

        private final boolean unhealthy;

        Kind(boolean unhealthy) {
            this.unhealthy = unhealthy;
        }

        /** Whether failures of this kind open the circuit breaker. */
        public boolean unhealthy() {
            return unhealthy;
        }
    }

    private final Kind kind;

    public BackendException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public BackendException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
