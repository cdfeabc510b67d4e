package dev.sightline.sink;

import dev.sightline.ingest.SideOutput;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.flink.table.data.RowData;

/**
 * Sends each row to the side output of its table ({@link TableDefinition#output()}), as the
 * Iceberg-ready row; observers see the rows of chosen tables first (metrics).
 */
public final class TableOutputs implements RowSink {

    private final SideOutput out;
    private final Map<String, Consumer<Object>> observers = new HashMap<>();
    private BiConsumer<TableDefinition<?>, RowData> rowObserver = (table, row) -> { };

    /** @param out a process function's context ({@code context::output}) */
    public TableOutputs(SideOutput out) {
        this.out = out;
    }

    /** Calls {@code observer} with every row of {@code table} before it is sent. */
    @SuppressWarnings("unchecked")
    public <T> TableOutputs observing(TableDefinition<T> table, Consumer<T> observer) {
        observers.merge(table.name(), (Consumer<Object>) observer, Consumer::andThen);
        return this;
    }

    /** Calls {@code observer} with every row, of every table, in its table form, before it is sent. */
    public TableOutputs observingRows(BiConsumer<TableDefinition<?>, RowData> observer) {
        rowObserver = rowObserver.andThen(observer);
        return this;
    }

    @Override
    public <T> void add(TableDefinition<T> table, T row) {
        Consumer<Object> observer = observers.get(table.name());
        if (observer != null) {
            observer.accept(row);
        }
        RowData data = table.rowMapper().toRow(row);
        rowObserver.accept(table, data);
        out.output(table.output(), data);
    }
}
