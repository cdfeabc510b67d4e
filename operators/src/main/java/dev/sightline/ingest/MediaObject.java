package dev.sightline.ingest;

import java.time.Instant;

/**
 * One object version after it was read once: its identity, content hash and the media type its
 * content shows. When it could not be read or recognised, {@code errorClass} and {@code error}
 * say why and the media type is {@link MediaType#UNKNOWN}.
 */
public record MediaObject(
        String uri,
        String version,
        long sizeBytes,
        Instant lastModified,
        Instant receivedAt,
        String sha256,
        MediaType mediaType,
        MediaFormat format,
        String errorClass,
        String error) {

    /** True when the object was read and its format recognised. */
    public boolean identified() {
        return errorClass == null && mediaType != MediaType.UNKNOWN;
    }

    /** The file name part of the URI, for messages and extension hints. */
    public String fileName() {
        return ObjectNames.fileName(uri);
    }
}
