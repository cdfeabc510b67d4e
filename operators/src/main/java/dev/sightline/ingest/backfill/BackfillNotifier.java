package dev.sightline.ingest.backfill;

import java.io.Serializable;

/** Tells the outside world that a backfill is complete (a webhook, an SNS topic); made on the task manager from configuration. */
public interface BackfillNotifier extends Serializable {

    /** Where notices go, for the log. */
    String target();

    /** Sends the notice; throws when it could not be delivered (after the notifier's own retries). */
    void send(BackfillSummary summary) throws Exception;
}
