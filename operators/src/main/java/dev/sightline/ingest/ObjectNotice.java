package dev.sightline.ingest;

import dev.sightline.cloud.ObjectMetadata;
import java.time.Instant;

/**
 * An announcement that one version of an object exists: from a folder listing, an S3 event
 * notification or a backfill listing. Nothing has been read yet.
 *
 * @param uri the object's URI ({@code file:///...}, {@code s3://bucket/key})
 * @param version version id, ETag or modification stamp; with the URI it names one object version
 * @param sizeBytes size as announced (-1 when unknown)
 * @param lastModified modification time as announced (may be null)
 * @param receivedAt when Sightline received the announcement
 */
public record ObjectNotice(
        String uri, String version, long sizeBytes, Instant lastModified, Instant receivedAt) {

    /** A notice of the version a listing or a HEAD reported, received at {@code receivedAt}. */
    public static ObjectNotice of(ObjectMetadata metadata, Instant receivedAt) {
        return new ObjectNotice(metadata.uri(), metadata.version(), metadata.sizeBytes(), metadata.lastModified(), receivedAt);
    }

    /** The key under which one object version is deduplicated. */
    public String versionKey() {
        return versionKey(uri, version);
    }

    /** The key of the object version {@code uri} at {@code version}, as {@link #versionKey()} gives it. */
    public static String versionKey(String uri, String version) {
        return uri + '\u0000' + version;
    }
}
