package dev.sightline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** Turns a table row into a JSON object whose members are the table's column names. */
final class RowJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RowJson() {}

    static ObjectNode toJson(RowData row, Schema schema) {
        ObjectNode json = NODES.objectNode();
        for (int i = 0; i < schema.columns().size(); i++) {
            Types.NestedField field = schema.columns().get(i);
            json.set(field.name(), row.isNullAt(i) ? NODES.nullNode() : value(row, i, field));
        }
        return json;
    }

    private static JsonNode value(RowData row, int i, Types.NestedField field) {
        return switch (field.type().typeId()) {
            case STRING -> NODES.textNode(row.getString(i).toString());
            case LONG -> NODES.numberNode(row.getLong(i));
            case INTEGER -> NODES.numberNode(row.getInt(i));
            case DOUBLE -> NODES.numberNode(row.getDouble(i));
            case FLOAT -> NODES.numberNode(row.getFloat(i));
            case BOOLEAN -> NODES.booleanNode(row.getBoolean(i));
            case TIMESTAMP -> NODES.textNode(timestamp(row.getTimestamp(i, 6)));
            default -> throw new IllegalStateException("no JSON form for column " + field.name() + " of type " + field.type());
        };
    }

    private static String timestamp(TimestampData value) {
        return value.toInstant().toString();
    }
}
