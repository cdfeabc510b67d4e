package dev.sightline.cloud;

import java.time.Instant;

/**
 * What a store says about one object version: its URI, version (a version id, an ETag or a
 * modification stamp), size and last-modified time.
 */
public record ObjectMetadata(String uri, String version, long sizeBytes, Instant lastModified) {}
