package dev.sightline.audio;

import dev.sightline.ingest.MediaObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a remote backend returned for one recording: its segments, or why it failed.
 *
 * @param segments the segments in order (empty when failed)
 * @param failure why the backend failed, or null
 * @param startedAtMillis when the request started (epoch milliseconds)
 */
public record RemoteTranscript(MediaObject object, String backend, String language, List<TranscriptSegment> segments, String failure,
        long startedAtMillis) {

    public RemoteTranscript {
        segments = new ArrayList<>(segments); // Kryo-friendly, as in TranscriptSegment
    }
}
