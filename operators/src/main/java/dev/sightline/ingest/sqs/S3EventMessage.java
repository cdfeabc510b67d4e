package dev.sightline.ingest.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.cloud.S3Location;
import dev.sightline.ingest.ObjectNotice;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the object-created announcements in one SQS message body: S3 event notifications
 * ({@code Records[].s3}, keys URL-decoded), the same wrapped in an SNS envelope, and EventBridge
 * "Object Created" events. S3's test event and other event kinds (removals, restores) announce
 * nothing; a body that is none of these is malformed.
 */
public final class S3EventMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private S3EventMessage() {}

    /** A body that cannot be read as any known notification. */
    public static final class MalformedNotificationException extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedNotificationException(String message) {
            super(message);
        }
    }

    /**
     * The objects a message body announces as created (possibly none).
     *
     * @param body the SQS message body
     * @param receivedAt when the message was received, stamped on every notice
     */
    public static List<ObjectNotice> createdObjects(String body, Instant receivedAt) throws MalformedNotificationException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedNotificationException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedNotificationException("not a JSON object");
        }
        if ("Notification".equals(text(root, "Type")) && root.has("Message")) {
            return createdObjects(text(root, "Message"), receivedAt); // SNS envelope
        }
        if ("s3:TestEvent".equals(text(root, "Event"))) {
            return List.of();
        }
        if (root.has("Records")) {
            return fromRecords(root.get("Records"), receivedAt);
        }
        if ("aws.s3".equals(text(root, "source")) && root.has("detail-type")) {
            return fromEventBridge(root, receivedAt);
        }
        throw new MalformedNotificationException("neither an S3 event notification, an SNS envelope nor an EventBridge S3 event");
    }

    private static List<ObjectNotice> fromRecords(JsonNode records, Instant receivedAt) throws MalformedNotificationException {
        if (!records.isArray()) {
            throw new MalformedNotificationException("Records is not an array");
        }
        List<ObjectNotice> notices = new ArrayList<>();
        for (JsonNode record : records) {
            String eventName = text(record, "eventName");
            if (eventName == null || !eventName.startsWith("ObjectCreated:")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            String bucket = s3.path("bucket").path("name").asText(null);
            JsonNode object = s3.path("object");
            String key = object.path("key").asText(null);
            if (bucket == null || key == null) {
                throw new MalformedNotificationException("an ObjectCreated record without s3.bucket.name or s3.object.key");
            }
            notices.add(notice(bucket, key, object.path("eTag").asText(""), object.path("size").asLong(-1),
                    time(text(record, "eventTime")), receivedAt));
        }
        return notices;
    }

    private static List<ObjectNotice> fromEventBridge(JsonNode event, Instant receivedAt) throws MalformedNotificationException {
        if (!"Object Created".equals(text(event, "detail-type"))) {
            return List.of();
        }
        JsonNode detail = event.path("detail");
        String bucket = detail.path("bucket").path("name").asText(null);
        JsonNode object = detail.path("object");
        String key = object.path("key").asText(null);
        if (bucket == null || key == null) {
            throw new MalformedNotificationException("an EventBridge Object Created event without detail.bucket.name or detail.object.key");
        }
        return List.of(notice(bucket, key, object.path("etag").asText(""), object.path("size").asLong(-1),
                time(text(event, "time")), receivedAt));
    }

    private static ObjectNotice notice(String bucket, String encodedKey, String etag, long size, Instant eventTime, Instant receivedAt)
            throws MalformedNotificationException {
        String key;
        try {
            key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8); // form encoding: '+' is a space
        } catch (IllegalArgumentException e) {
            throw new MalformedNotificationException("object key is not URL-encoded: " + encodedKey);
        }
        if (etag.isEmpty()) {
            throw new MalformedNotificationException("no ETag for s3://" + bucket + "/" + key);
        }
        return new ObjectNotice(new S3Location(bucket, key).uri(), etag, size, eventTime, receivedAt);
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
