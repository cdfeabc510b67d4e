package dev.sightline.offload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.AnalysisResult;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.RowJson;
import dev.sightline.sink.TableDefinition;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/**
 * The result of one object's analysis as a JSON document, the format of
 * {@code sightline analyze --json} and of an offload worker's {@code result.json}:
 * {@code {"media_object": {...}, "outcome": {...}, "dead_letters": [...], "<table>": [...], ...}},
 * every row an object of its table's columns ({@link RowJson}). Reading it back gives the very
 * rows that were written.
 */
public final class ResultDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_TABLES = Set.of("media_object", "outcome", "run");

    private ResultDocument() {}

    /** What a result document holds, with the outcome rebuilt on the job's own object. */
    public record Parsed(ObjectOutcome outcome, List<DeadLetter> deadLetters, Map<TableDefinition<?>, List<RowData>> rows,
            JsonNode run) {}

    /** The document of {@code result}. */
    public static ObjectNode of(AnalysisResult result) {
        ObjectNode document = JSON.createObjectNode();
        ObjectOutcome outcome = result.outcome();
        for (AnalysisResult.TableRows table : result.tables()) {
            if (table.table().equals(LedgerTables.MEDIA_OBJECTS.name())) {
                document.set("media_object", RowJson.toJson(table.rows().get(0), table.schema()));
                ObjectNode o = document.putObject("outcome");
                o.put("status", outcome.status().label());
                o.put("stage", outcome.stage());
                o.put("error_class", outcome.errorClass());
                o.put("error", outcome.error());
            } else {
                ArrayNode rows = document.putArray(table.table());
                table.rows().forEach(row -> rows.add(RowJson.toJson(row, table.schema())));
            }
        }
        return document;
    }

    /**
     * Reads a result document for {@code object}. The dead letter a failed outcome leaves is not
     * among the returned ones: the job makes it from the outcome, as for every object.
     *
     * @param tables the tables the job writes; a document with rows for another is rejected
     * @throws IllegalArgumentException when the document is not a whole, readable result
     */
    public static Parsed read(byte[] bytes, MediaObject object, List<TableDefinition<?>> tables) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("result is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("result is not a JSON object");
        }
        JsonNode o = root.path("outcome");
        JsonNode ledger = root.path("media_object");
        if (!o.isObject() || !ledger.isObject()) {
            throw new IllegalArgumentException("result has no outcome and media_object");
        }
        if (!object.uri().equals(ledger.path("uri").asText()) || !object.version().equals(ledger.path("version").asText())) {
            throw new IllegalArgumentException("result is of " + ledger.path("uri").asText() + " version " + ledger.path("version").asText()
                    + ", not of this object");
        }
        ObjectStatus status = status(o.path("status").asText());
        Instant processedAt = Instant.parse(ledger.path("processed_at").asText());
        ObjectOutcome outcome = new ObjectOutcome(object, status, textOrNull(o, "stage"), textOrNull(o, "error_class"),
                textOrNull(o, "error"), processedAt);

        Map<String, TableDefinition<?>> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        List<DeadLetter> letters = new ArrayList<>();
        Map<TableDefinition<?>, List<RowData>> rows = new LinkedHashMap<>();
        var fields = root.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (NOT_TABLES.contains(field.getKey())) {
                continue;
            }
            TableDefinition<?> table = byName.get(field.getKey());
            if (table == null) {
                throw new IllegalArgumentException("result has rows for table '" + field.getKey() + "', which this job does not write");
            }
            if (!field.getValue().isArray()) {
                throw new IllegalArgumentException("result's '" + field.getKey() + "' is not a list of rows");
            }
            List<RowData> list = new ArrayList<>();
            for (JsonNode row : field.getValue()) {
                GenericRowData data;
                try {
                    data = RowJson.fromJson(row, table.schema());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("result's " + table.name() + " row " + list.size() + ": " + e.getMessage());
                }
                if (table.name().equals(LedgerTables.DEAD_LETTERS.name())) {
                    DeadLetter letter = deadLetter(row);
                    if (!(status == ObjectStatus.FAILED && sameAs(letter, outcome))) {
                        letters.add(letter);
                    }
                } else {
                    list.add(data);
                }
            }
            if (!table.name().equals(LedgerTables.DEAD_LETTERS.name())) {
                rows.put(table, list);
            }
        }
        return new Parsed(outcome, letters, rows, root.get("run"));
    }

    private static boolean sameAs(DeadLetter letter, ObjectOutcome outcome) {
        return java.util.Objects.equals(letter.stage(), outcome.stage()) && java.util.Objects.equals(letter.errorClass(), outcome.errorClass())
                && java.util.Objects.equals(letter.message(), outcome.error());
    }

    private static DeadLetter deadLetter(JsonNode row) {
        return new DeadLetter(row.path("uri").asText(), row.path("version").asText(), textOrNull(row, "stage"), textOrNull(row, "error_class"),
                textOrNull(row, "message"), Instant.parse(row.path("occurred_at").asText()));
    }

    private static ObjectStatus status(String label) {
        for (ObjectStatus status : ObjectStatus.values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("result has an unknown status '" + label + "'");
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
