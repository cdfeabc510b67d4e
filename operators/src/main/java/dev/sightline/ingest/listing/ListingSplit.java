package dev.sightline.ingest.listing;

import dev.sightline.ingest.ObjectNotice;
import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A batch of listed object versions still to announce.
 *
 * @param splitId {@code listing-<n>}
 * @param notices the object versions, in listing order
 */
public record ListingSplit(String splitId, List<ObjectNotice> notices) implements SourceSplit {

    public ListingSplit {
        notices = List.copyOf(notices);
    }
}
