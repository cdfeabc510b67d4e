package dev.sightline.sink;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;

/**
 * One result table: its name, Iceberg schema, partitioning and how a record of type {@code T}
 * becomes a row. The schema is the source of truth that docs/data-model.md documents.
 */
public record TableDefinition<T>(
        String name,
        String description,
        Schema schema,
        List<String> dayPartitionColumns,
        RowMapper<T> rowMapper) implements Serializable {

    /** Converts one record into an Iceberg-ready Flink row, field order as in the schema. */
    @FunctionalInterface
    public interface RowMapper<T> extends Serializable {
        RowData toRow(T record);
    }

    /** The partition spec: one day transform per listed timestamp column. */
    public PartitionSpec partitionSpec() {
        PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
        for (String column : dayPartitionColumns) {
            builder.day(column);
        }
        return builder.build();
    }
}
