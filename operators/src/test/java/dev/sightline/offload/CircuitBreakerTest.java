package dev.sightline.offload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breaker opens after failures in a row, stays open for its cool-down, lets one probe through, and closes on success. */
class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> changes = new ArrayList<>();
    private final CircuitBreaker breaker = new CircuitBreaker("test", 3, Duration.ofSeconds(10), now::get,
            (from, to, reason) -> changes.add(from + "->" + to));

    private static BackendException throttled() {
        return new BackendException(BackendException.Kind.THROTTLED, "429");
    }

    @Test
    void opensAfterFailuresInARowProbesAfterTheCoolDownAndClosesOnSuccess() {
        breaker.failed(throttled());
        breaker.failed(throttled());
        breaker.succeeded(); // a success resets the count
        breaker.failed(throttled());
        breaker.failed(throttled());
        assertThat(breaker.allow()).isTrue();
        breaker.failed(throttled());
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allow()).isFalse();

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breaker.allow()).as("the probe").isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.allow()).as("only one probe at a time").isFalse();
        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allow()).isTrue();
        assertThat(changes).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    }

    @Test
    void aFailedProbeOpensItAgainForAnotherCoolDown() {
        for (int i = 0; i < 3; i++) {
            breaker.failed(new BackendException(BackendException.Kind.UNAVAILABLE, "503"));
        }
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(breaker.allow()).isTrue();
        breaker.failed(new BackendException(BackendException.Kind.ACCESS_DENIED, "403"));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(breaker.allow()).isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(breaker.allow()).isTrue();
    }

    @Test
    void rejectedRequestsSayNothingAboutTheBackendsHealth() {
        for (int i = 0; i < 10; i++) {
            breaker.failed(new BackendException(BackendException.Kind.REJECTED, "bad queue name"));
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(changes).isEmpty();
    }

    @Test
    void workersThatCannotStartOpenItThoughTheCallsSubmittingThemSucceed() {
        for (int i = 0; i < 3; i++) {
            breaker.succeeded(); // SubmitJob went through...
            breaker.failed(new BackendException(BackendException.Kind.WORKER_START, "CannotPullContainerError: no such image"));
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breaker.allow()).isTrue();
        breaker.succeeded();
        assertThat(breaker.state()).as("the probe's call went through, its worker has not started yet").isEqualTo(CircuitBreaker.State.HALF_OPEN);
        breaker.started();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
