package dev.sightline.ingest.sqs;

import dev.sightline.ingest.ObjectNotice;
import java.io.Serializable;

/**
 * What the SQS source emits: an object version a message announced, or a message that could not
 * be used (malformed, or received too often), for the dead-letter path.
 *
 * @param notice the announced object version, or null for an unusable message
 * @param messageId the SQS message id
 * @param errorClass {@link #UNREADABLE} or {@link #TOO_MANY_RECEIVES} for an unusable message, or null
 * @param problem why the message was unusable, or null
 * @param body the start of an unusable message's body (at most 2,000 characters), or null
 */
public record SqsAnnouncement(ObjectNotice notice, String messageId, String errorClass, String problem, String body)
        implements Serializable {

    /** Error class of a message that is no S3, SNS or EventBridge notification. */
    public static final String UNREADABLE = "UnreadableNotification";
    /** Error class of a message received more often than allowed. */
    public static final String TOO_MANY_RECEIVES = "TooManyReceives";

    static SqsAnnouncement of(ObjectNotice notice, String messageId) {
        return new SqsAnnouncement(notice, messageId, null, null, null);
    }

    static SqsAnnouncement unusable(String messageId, String errorClass, String problem, String body) {
        return new SqsAnnouncement(null, messageId, errorClass, problem,
                body == null ? null : body.substring(0, Math.min(2000, body.length())));
    }

    public boolean usable() {
        return notice != null;
    }
}
