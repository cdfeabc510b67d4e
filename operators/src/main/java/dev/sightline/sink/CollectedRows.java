package dev.sightline.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every row of an analysis in a list per table: one-shot analysis, the offload worker, benchmarks and tests. */
public final class CollectedRows implements RowSink {

    private final Map<String, List<Object>> rows = new LinkedHashMap<>();

    @Override
    public <T> void add(TableDefinition<T> table, T row) {
        rows.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(row);
    }

    /** The live list of a table's rows (empty until the first one comes; later rows are added to it). */
    @SuppressWarnings("unchecked")
    public <T> List<T> of(TableDefinition<T> table) {
        return (List<T>) rows.computeIfAbsent(table.name(), k -> new ArrayList<>());
    }
}
