package dev.sightline.sink;

import dev.sightline.ingest.ObjectOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;

/** The rows one analysis of one object produced, per table, in table order, with the object's outcome. */
public final class AnalysisResult {

    /** The rows of one table with the schema that names their fields. */
    public record TableRows(String table, Schema schema, List<RowData> rows) {}

    private final ObjectOutcome outcome;
    private final Map<String, TableRows> tables = new LinkedHashMap<>();

    public AnalysisResult(ObjectOutcome outcome) {
        this.outcome = outcome;
    }

    /** Adds the rows of {@code table}, from records of its type. */
    public <T> void add(TableDefinition<T> table, List<T> records) {
        List<RowData> rows = new ArrayList<>(records.size());
        for (T record : records) {
            rows.add(table.rowMapper().toRow(record));
        }
        tables.put(table.name(), new TableRows(table.name(), table.schema(), Collections.unmodifiableList(rows)));
    }

    /** Adds rows of {@code table} already in table form. */
    public void addRows(TableDefinition<?> table, List<RowData> rows) {
        tables.put(table.name(), new TableRows(table.name(), table.schema(), List.copyOf(rows)));
    }

    /** Adds the rows {@code collected} holds for {@code table}. */
    public <T> void addAll(TableDefinition<T> table, CollectedRows collected) {
        add(table, collected.of(table));
    }

    public ObjectOutcome outcome() {
        return outcome;
    }

    public List<TableRows> tables() {
        return List.copyOf(tables.values());
    }
}
