package dev.sightline.ingest;

import java.util.Locale;

/** How the processing of one object version ended. */
public enum ObjectStatus {
    /** Every analysis of its branch finished. */
    DONE,
    /** Some results were written, then the input broke (e.g. a video truncated midway). */
    PARTIAL,
    /** Nothing could be analysed; a dead letter says why. */
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
