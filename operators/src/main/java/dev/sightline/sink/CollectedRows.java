package dev.sightline.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.flink.table.data.RowData;

/** Keeps every row of an analysis in a list per table: one-shot analysis, the offload worker, benchmarks and tests. */
public final class CollectedRows implements RowSink {

    private final Map<String, List<Object>> rows = new LinkedHashMap<>();
    private final Map<String, TableDefinition<?>> tables = new LinkedHashMap<>();

    @Override
    public <T> void add(TableDefinition<T> table, T row) {
        tables.putIfAbsent(table.name(), table);
        rows.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(row);
    }

    /** Hands every row, table by table in the order they first came, in its table form to {@code consumer}. */
    public void replay(BiConsumer<TableDefinition<?>, RowData> consumer) {
        for (TableDefinition<?> table : tables.values()) {
            replay(table, consumer);
        }
    }

    private <T> void replay(TableDefinition<T> table, BiConsumer<TableDefinition<?>, RowData> consumer) {
        for (T row : of(table)) {
            consumer.accept(table, table.rowMapper().toRow(row));
        }
    }

    /** The live list of a table's rows (empty until the first one comes; later rows are added to it). */
    @SuppressWarnings("unchecked")
    public <T> List<T> of(TableDefinition<T> table) {
        return (List<T>) rows.computeIfAbsent(table.name(), k -> new ArrayList<>());
    }
}
