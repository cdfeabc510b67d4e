package dev.sightline.job;

import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.TableDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Schema;

/** The rows a one-shot analysis produced for one object, per table, in table order. */
public final class AnalysisResult {

    /** The rows of one table with the schema that names their fields. */
    public record TableRows(String table, Schema schema, List<RowData> rows) {}

    private final ObjectOutcome outcome;
    private final Map<String, TableRows> tables = new LinkedHashMap<>();

    AnalysisResult(ObjectOutcome outcome) {
        this.outcome = outcome;
    }

    <T> void add(TableDefinition<T> table, List<T> records) {
        List<RowData> rows = new ArrayList<>(records.size());
        for (T record : records) {
            rows.add(table.rowMapper().toRow(record));
        }
        tables.put(table.name(), new TableRows(table.name(), table.schema(), Collections.unmodifiableList(rows)));
    }

    public ObjectOutcome outcome() {
        return outcome;
    }

    public List<TableRows> tables() {
        return List.copyOf(tables.values());
    }
}
