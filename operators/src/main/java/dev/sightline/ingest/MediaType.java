package dev.sightline.ingest;

/** The kind of recording an object holds; decides which branch of the job analyses it. */
public enum MediaType {
    VIDEO,
    AUDIO,
    GAZE,
    UNKNOWN;

    /** The lower-case name used in tables and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
