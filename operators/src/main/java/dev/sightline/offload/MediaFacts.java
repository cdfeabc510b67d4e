package dev.sightline.offload;

import dev.sightline.ingest.MediaType;

/**
 * What routing rules may ask of an object: its URI, media type and size, and, when a rule needs
 * them, the duration and picture size its container declares (NaN and 0 when unknown).
 */
public record MediaFacts(String uri, MediaType mediaType, long sizeBytes, double durationS, long width, long height) {

    /** Facts known without opening the object. */
    public static MediaFacts unprobed(String uri, MediaType mediaType, long sizeBytes) {
        return new MediaFacts(uri, mediaType, sizeBytes, Double.NaN, 0, 0);
    }
}
