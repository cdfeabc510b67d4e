package dev.sightline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/** One table row for the report, by column name, from the warehouse or from a one-shot analysis. */
record ReportRow(ObjectNode values) {

    /** A warehouse row: every column of its schema. */
    static ReportRow of(Record record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Types.NestedField field : record.struct().fields()) {
            Object value = record.getField(field.name());
            if (value == null) {
                node.putNull(field.name());
            } else if (value instanceof Long l) {
                node.put(field.name(), l);
            } else if (value instanceof Integer i) {
                node.put(field.name(), i.longValue());
            } else if (value instanceof Double d) {
                node.put(field.name(), d);
            } else if (value instanceof Float f) {
                node.put(field.name(), f.doubleValue());
            } else if (value instanceof Boolean b) {
                node.put(field.name(), b);
            } else {
                node.put(field.name(), value.toString());
            }
        }
        return new ReportRow(node);
    }

    /** The column's text, or {@code null}. */
    String text(String column) {
        JsonNode value = values.get(column);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The column's text, or {@code fallback} when null. */
    String text(String column, String fallback) {
        String value = text(column);
        return value == null ? fallback : value;
    }

    /** The column's number, NaN when null or not a number. */
    double number(String column) {
        JsonNode value = values.get(column);
        return value == null || !value.isNumber() ? Double.NaN : value.asDouble();
    }

    /** The column's whole number, {@code fallback} when null. */
    long integer(String column, long fallback) {
        JsonNode value = values.get(column);
        return value == null || !value.isNumber() ? fallback : value.asLong();
    }

    /** The column's truth value, false when null. */
    boolean flag(String column) {
        JsonNode value = values.get(column);
        return value != null && value.asBoolean(false);
    }

    /** Columns and their values as text, in schema order (for the ledger's table). */
    Iterator<Map.Entry<String, JsonNode>> columns() {
        return values.fields();
    }
}
