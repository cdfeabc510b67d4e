package dev.sightline.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * A table row as a JSON object whose members are the table's column names, and back: the form of
 * {@code sightline analyze --json} and of offloaded results. Numbers keep every bit (a double is
 * written in its shortest exact form), timestamps are ISO-8601 instants.
 */
public final class RowJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RowJson() {}

    /** The row as {@code {"column": value, ...}}, in schema order; null columns are JSON nulls. */
    public static ObjectNode toJson(RowData row, Schema schema) {
        ObjectNode json = NODES.objectNode();
        for (int i = 0; i < schema.columns().size(); i++) {
            Types.NestedField field = schema.columns().get(i);
            json.set(field.name(), row.isNullAt(i) ? NODES.nullNode() : value(row, i, field));
        }
        return json;
    }

    /**
     * The row a JSON object stands for; a missing member is null. Throws
     * {@link IllegalArgumentException} naming the column when a value does not fit it.
     */
    public static GenericRowData fromJson(JsonNode json, Schema schema) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a row must be a JSON object, not " + (json == null ? "nothing" : json.getNodeType()));
        }
        GenericRowData row = new GenericRowData(schema.columns().size());
        for (int i = 0; i < schema.columns().size(); i++) {
            Types.NestedField field = schema.columns().get(i);
            JsonNode value = json.get(field.name());
            if (value == null || value.isNull()) {
                if (field.isRequired()) {
                    throw new IllegalArgumentException("column " + field.name() + " is required but missing");
                }
                continue;
            }
            row.setField(i, field(value, field));
        }
        return row;
    }

    private static JsonNode value(RowData row, int i, Types.NestedField field) {
        return switch (field.type().typeId()) {
            case STRING -> NODES.textNode(row.getString(i).toString());
            case LONG -> NODES.numberNode(row.getLong(i));
            case INTEGER -> NODES.numberNode(row.getInt(i));
            case DOUBLE -> NODES.numberNode(row.getDouble(i));
            case FLOAT -> NODES.numberNode(row.getFloat(i));
            case BOOLEAN -> NODES.booleanNode(row.getBoolean(i));
            case TIMESTAMP -> NODES.textNode(row.getTimestamp(i, 6).toInstant().toString());
            default -> throw new IllegalStateException("no JSON form for column " + field.name() + " of type " + field.type());
        };
    }

    private static Object field(JsonNode value, Types.NestedField field) {
        String name = field.name();
        return switch (field.type().typeId()) {
            case STRING -> {
                require(value.isTextual(), name, "a string", value);
                yield StringData.fromString(value.textValue());
            }
            case LONG -> {
                require(value.canConvertToExactIntegral() && value.canConvertToLong(), name, "an integer", value);
                yield value.longValue();
            }
            case INTEGER -> {
                require(value.canConvertToExactIntegral() && value.canConvertToInt(), name, "an integer", value);
                yield value.intValue();
            }
            case DOUBLE -> {
                require(value.isNumber(), name, "a number", value);
                yield value.doubleValue();
            }
            case FLOAT -> {
                require(value.isNumber(), name, "a number", value);
                yield value.floatValue();
            }
            case BOOLEAN -> {
                require(value.isBoolean(), name, "true or false", value);
                yield value.booleanValue();
            }
            case TIMESTAMP -> {
                require(value.isTextual(), name, "an ISO-8601 instant", value);
                try {
                    yield TimestampData.fromInstant(Instant.parse(value.textValue()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("column " + name + " must be an ISO-8601 instant, not " + value);
                }
            }
            default -> throw new IllegalStateException("no JSON form for column " + name + " of type " + field.type());
        };
    }

    private static void require(boolean ok, String column, String what, JsonNode value) {
        if (!ok) {
            throw new IllegalArgumentException("column " + column + " must be " + what + ", not " + value);
        }
    }
}
