package dev.sightline.sink;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where a job graph writes its result tables. The Iceberg implementation runs in production;
 * tests may pass another, so the same graph runs against test sinks.
 */
public interface TableWriter {

    /** Attaches a sink writing {@code records} into {@code table}. */
    <T> void write(DataStream<T> records, TableDefinition<T> table);
}
