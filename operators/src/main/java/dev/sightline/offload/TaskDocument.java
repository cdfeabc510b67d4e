package dev.sightline.offload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The task a worker runs, as the job writes it to {@code <offload root>/<task id>/task.json}:
 * the identified object, the analysis settings (configuration keys and values, so the worker
 * builds exactly the job's analysis), their fingerprint, and where the result goes. Secrets are
 * never in it: the worker takes credentials from its own environment.
 *
 * @param settings configuration keys and values of the analysis (the worker applies its own
 *     {@code --set} connection settings on top)
 */
public record TaskDocument(String taskId, MediaObject object, String fingerprint, Map<String, String> settings, String tenant,
        String queue, TaskFiles files) {

    /** The version of this document's layout. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The document of {@code task} with the given analysis settings. */
    public static TaskDocument of(ComputeTask task, Map<String, String> settings) {
        return new TaskDocument(task.id(), task.object(), task.fingerprint(), settings, task.tenant().name(), task.queue().name(),
                task.files());
    }

    /** As JSON bytes; the same task always gives the same bytes. */
    public byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("task_id", taskId);
        ObjectNode o = root.putObject("object");
        o.put("uri", object.uri());
        o.put("version", object.version());
        o.put("size_bytes", object.sizeBytes());
        o.put("last_modified", object.lastModified() == null ? null : object.lastModified().toString());
        o.put("received_at", object.receivedAt() == null ? null : object.receivedAt().toString());
        o.put("sha256", object.sha256());
        o.put("media_type", object.mediaType().label());
        o.put("format", object.format().label());
        root.put("fingerprint", fingerprint);
        root.set("settings", JSON.valueToTree(new TreeMap<>(settings)));
        root.put("tenant", tenant);
        root.put("queue", queue);
        root.put("folder", files.folder());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a task document", e);
        }
    }

    /** Reads a task document; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static TaskDocument parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON task document: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a task document is a JSON object");
        }
        int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new IllegalArgumentException("task document format " + root.path("format") + " (this worker reads format " + FORMAT + ")");
        }
        JsonNode o = required(root, "object");
        MediaObject object = new MediaObject(text(o, "uri"), text(o, "version"), o.path("size_bytes").asLong(),
                instant(o, "last_modified"), instant(o, "received_at"), o.path("sha256").isTextual() ? o.get("sha256").asText() : null,
                mediaType(text(o, "media_type")), format(text(o, "format")), null, null);
        Map<String, String> settings = new TreeMap<>();
        required(root, "settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        return new TaskDocument(text(root, "task_id"), object, text(root, "fingerprint"), settings, text(root, "tenant"),
                text(root, "queue"), new TaskFiles(text(root, "folder")));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("task document has no '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
    }

    private static MediaType mediaType(String label) {
        for (MediaType type : MediaType.values()) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown media type '" + label + "' in task document");
    }

    private static MediaFormat format(String label) {
        for (MediaFormat format : MediaFormat.values()) {
            if (format.label().equals(label)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + label + "' in task document");
    }
}
