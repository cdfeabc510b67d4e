package dev.sightline.ingest.backfill;

import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectStatus;

/**
 * What the {@link BackfillTracker} tells {@link BackfillCompletion}: an object of the backfill was
 * listed, one of them finished (with its media type and status), or one tracker subtask has seen
 * the end of the listing.
 *
 * @param mediaType and {@code status}: of a finished object, else null
 * @param subtask and {@code subtasks}: the tracker subtask that saw the listing end, and how many there are
 */
public record BackfillEvent(Kind kind, MediaType mediaType, ObjectStatus status, int subtask, int subtasks) {

    /** The kinds of events. */
    public enum Kind { LISTED, FINISHED, LISTING_ENDED }

    static BackfillEvent listed() {
        return new BackfillEvent(Kind.LISTED, null, null, -1, -1);
    }

    static BackfillEvent finished(MediaType mediaType, ObjectStatus status) {
        return new BackfillEvent(Kind.FINISHED, mediaType, status, -1, -1);
    }

    static BackfillEvent listingEnded(int subtask, int subtasks) {
        return new BackfillEvent(Kind.LISTING_ENDED, null, null, subtask, subtasks);
    }
}
