package dev.sightline.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.OutputTag;

/**
 * Gathers the row streams of every table from all parts of a job graph (branches, offload,
 * ledger), then writes each table once: its streams unioned into one sink, so a table has one
 * writer and one committer however many operators produce its rows. Also gathers the tagged
 * records that later stages read from several operators.
 */
public final class TableStreams {

    private final Map<String, TableDefinition<?>> tables = new LinkedHashMap<>();
    private final Map<String, List<DataStream<RowData>>> streams = new LinkedHashMap<>();
    private final Map<String, List<DataStream<?>>> tagged = new LinkedHashMap<>();
    private final java.util.Set<String> wanted = new java.util.HashSet<>();

    /** Adds rows for {@code table}. */
    public void add(TableDefinition<?> table, DataStream<RowData> rows) {
        tables.putIfAbsent(table.name(), table);
        streams.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(rows);
    }

    /**
     * Adds the rows an analysis operator sends to the side outputs (see {@link TableOutputs}) of
     * each of {@code tables} and of {@code dead_letters}, where its partial outcomes' dead letters go.
     */
    public void addResults(SingleOutputStreamOperator<?> operator, List<TableDefinition<?>> tables) {
        for (TableDefinition<?> table : tables) {
            add(table, operator.getSideOutput(table.output()));
        }
        add(LedgerTables.DEAD_LETTERS, operator.getSideOutput(LedgerTables.DEAD_LETTERS.output()));
    }

    /**
     * Adds records of {@code table}'s record type, turned into rows by its row mapper in an
     * operator with uid {@code rows-<table>}; a table takes records from one stream only.
     */
    public <T> void addRecords(TableDefinition<T> table, DataStream<T> records) {
        add(table, records
                .map(new ToRow<>(table.rowMapper()))
                .returns(table.rowType())
                .name("rows for " + table.name())
                .uid("rows-" + table.name()));
    }

    /** Says that a later stage reads the records tagged {@code tag}: the operators that can make them should. */
    public void want(OutputTag<?> tag) {
        wanted.add(tag.getId());
    }

    /** Whether a later stage reads the records tagged {@code tag} (else making them is wasted work). */
    public boolean wants(OutputTag<?> tag) {
        return wanted.contains(tag.getId());
    }

    /**
     * Adds records that are no table's rows but feed a later stage (e.g. the gaze-video join's
     * inputs), by the side output that carries them.
     */
    public <T> void addTagged(OutputTag<T> tag, DataStream<T> records) {
        tagged.computeIfAbsent(tag.getId(), k -> new ArrayList<>()).add(records);
    }

    /** The union of every stream added under {@code tag}, or null when none was. */
    @SuppressWarnings("unchecked")
    public <T> DataStream<T> tagged(OutputTag<T> tag) {
        List<DataStream<?>> parts = tagged.get(tag.getId());
        if (parts == null) {
            return null;
        }
        DataStream<T> all = (DataStream<T>) parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.union((DataStream<T>) parts.get(i));
        }
        return all;
    }

    /** The tables that have rows, in the order they were first added. */
    public List<TableDefinition<?>> tables() {
        return List.copyOf(tables.values());
    }

    /** Writes every table through {@code writer}: one sink per table. */
    public void writeTo(TableWriter writer) {
        for (Map.Entry<String, List<DataStream<RowData>>> entry : streams.entrySet()) {
            List<DataStream<RowData>> parts = entry.getValue();
            DataStream<RowData> all = parts.get(0);
            if (parts.size() > 1) {
                all = all.union(parts.subList(1, parts.size()).toArray(DataStream[]::new));
            }
            writer.write(all, tables.get(entry.getKey()));
        }
    }

    /** Applies a table's row mapper. */
    private static final class ToRow<T> implements MapFunction<T, RowData> {
        private static final long serialVersionUID = 1L;
        private final TableDefinition.RowMapper<T> mapper;

        ToRow(TableDefinition.RowMapper<T> mapper) {
            this.mapper = mapper;
        }

        @Override
        public RowData map(T record) {
            return mapper.toRow(record);
        }
    }
}
