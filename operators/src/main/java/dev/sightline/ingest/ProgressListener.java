package dev.sightline.ingest;

/** Hears how far the analysis of an object has come: its stage and the amount done of the total (0 when unknown). */
@FunctionalInterface
public interface ProgressListener {

    /** Hears nothing. */
    ProgressListener NONE = (uri, stage, done, total, unit) -> { };

    /** {@code done} of {@code total} {@code unit}s (frames, s, bytes) of {@code stage} for the object {@code uri}. */
    void progress(String uri, String stage, double done, double total, String unit);
}
