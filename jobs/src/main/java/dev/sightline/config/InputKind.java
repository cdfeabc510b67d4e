package dev.sightline.config;

/** Where the job learns of new objects. */
public enum InputKind {
    /** A local folder, listed every {@code inbox.scan-interval} (the embedded default). */
    FOLDER,
    /** S3 event notifications from an SQS queue ({@code input.queue-url}). */
    SQS
}
