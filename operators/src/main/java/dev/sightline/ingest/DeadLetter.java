package dev.sightline.ingest;

import java.time.Instant;

/**
 * A row of {@code dead_letters}: input that could not be analysed, where it failed and why.
 *
 * @param stage the pipeline stage that gave up ({@code identify}, {@code gaze-parse}, ...)
 * @param errorClass a short, stable error name ({@code EmptyObject}, {@code UnsupportedMediaType},
 *     or the exception's simple class name)
 */
public record DeadLetter(
        String uri, String version, String stage, String errorClass, String message, Instant occurredAt) {}
