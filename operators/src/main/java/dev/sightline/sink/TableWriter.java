package dev.sightline.sink;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;

/**
 * Where a job graph writes its result tables. The Iceberg implementation runs in production;
 * tests may pass another, so the same graph runs against test sinks.
 */
public interface TableWriter {

    /** Attaches the one sink writing {@code rows} (fields in schema order) into {@code table}. */
    void write(DataStream<RowData> rows, TableDefinition<?> table);
}
