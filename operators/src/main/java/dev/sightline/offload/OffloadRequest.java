package dev.sightline.offload;

import dev.sightline.ingest.MediaObject;

/**
 * An object the routing rules send to a compute backend.
 *
 * @param route the rule that sent it ({@code default} when no rule matched)
 * @param queue the queue it goes to
 */
public record OffloadRequest(MediaObject object, String route, String queue) {}
