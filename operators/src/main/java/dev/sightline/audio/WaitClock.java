package dev.sightline.audio;

import java.time.Duration;
import java.time.Instant;

/** Tells the time and waits; polling loops take one so that tests can run them without waiting. */
public interface WaitClock {

    /** The current time. */
    Instant now();

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** The wall clock and {@link Thread#sleep}. */
    static WaitClock system() {
        return new WaitClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
