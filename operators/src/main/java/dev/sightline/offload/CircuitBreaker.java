package dev.sightline.offload;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards a compute backend: after {@code failures} unhealthy failures in a row it opens for a
 * cool-down, during which no call is made; then it lets one probe through (half-open): success
 * closes it, failure opens it again. Two streaks count: failed calls (throttling, 5xx, access
 * denied), which a successful call ends, and workers that cannot start (an image that cannot be
 * pulled, a missing program), which only a worker that started ends, since the calls that submit
 * them succeed. State changes are logged and counted. Thread-safe.
 */
public final class CircuitBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    /** The breaker's state. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** Sees each state change (metrics). */
    @FunctionalInterface
    public interface Listener {
        void changed(State from, State to, String reason);
    }

    private final String backend;
    private final int failures;
    private final long coolDownNanos;
    private final LongSupplier nanos;
    private final Listener listener;
    private State state = State.CLOSED;
    private int callsInRow;
    private int startsInRow;
    private boolean openedByStarts;
    private long openedAt;
    private boolean probing;

    /**
     * @param failures unhealthy failures in a row that open the breaker
     * @param coolDown how long it stays open before a probe
     * @param nanos the clock ({@link System#nanoTime} outside tests)
     */
    public CircuitBreaker(String backend, int failures, Duration coolDown, LongSupplier nanos, Listener listener) {
        if (failures < 1) {
            throw new IllegalArgumentException("a breaker opens after at least one failure");
        }
        this.backend = backend;
        this.failures = failures;
        this.coolDownNanos = coolDown.toNanos();
        this.nanos = nanos;
        this.listener = listener;
    }

    /**
     * Whether a call may go to the backend now. While half-open only one caller gets true (the
     * probe) until it reports; callers that get false wait or fall back.
     */
    public synchronized boolean allow() {
        if (state == State.OPEN && nanos.getAsLong() - openedAt >= coolDownNanos) {
            change(State.HALF_OPEN, "cool-down of " + Duration.ofNanos(coolDownNanos) + " over, probing");
        }
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.HALF_OPEN && !probing) {
            probing = true;
            return true;
        }
        return false;
    }

    /** A call went through. */
    public synchronized void succeeded() {
        callsInRow = 0;
        if (state == State.HALF_OPEN && !openedByStarts) {
            probing = false;
            change(State.CLOSED, "a call succeeded");
        }
    }

    /** A worker started on the backend. */
    public synchronized void started() {
        callsInRow = 0;
        startsInRow = 0;
        probing = false;
        if (state != State.CLOSED) {
            change(State.CLOSED, "a worker started");
        }
    }

    /** A call failed, or a worker could not start ({@link BackendException.Kind#WORKER_START}); only unhealthy failures count. */
    public synchronized void failed(BackendException e) {
        if (!e.kind().unhealthy()) {
            if (state == State.HALF_OPEN) {
                probing = false;
            }
            return;
        }
        int inRow = e.kind() == BackendException.Kind.WORKER_START ? ++startsInRow : ++callsInRow;
        if (state == State.HALF_OPEN || state == State.CLOSED && inRow >= failures) {
            probing = false;
            openedByStarts = e.kind() == BackendException.Kind.WORKER_START;
            openedAt = nanos.getAsLong();
            change(State.OPEN, inRow + " failure(s) in a row, last: " + e.kind() + ": " + e.getMessage());
        }
    }

    public synchronized State state() {
        return state;
    }

    private void change(State to, String reason) {
        State from = state;
        state = to;
        LOG.warn("Circuit breaker of {} {} -> {}: {}", backend, from, to, reason);
        listener.changed(from, to, reason);
    }
}
