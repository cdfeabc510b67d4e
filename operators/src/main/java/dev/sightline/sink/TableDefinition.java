package dev.sightline.sink;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.OutputTag;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * One result table: its name, Iceberg schema, partitioning and how a record of type {@code T}
 * becomes a row. The schema is the source of truth that docs/data-model.md documents.
 */
public record TableDefinition<T>(
        String name,
        String description,
        Schema schema,
        List<String> dayPartitionColumns,
        RowMapper<T> rowMapper,
        OutputTag<RowData> output) implements Serializable {

    /**
     * A table; its side output ({@link #output()}: the one that carries its rows out of the
     * operator producing them, see {@link TableOutputs}) is named after it.
     */
    public TableDefinition(String name, String description, Schema schema, List<String> dayPartitionColumns, RowMapper<T> rowMapper) {
        this(name, description, schema, dayPartitionColumns, rowMapper,
                new OutputTag<>("table-" + name, InternalTypeInfo.of(FlinkSchemaUtil.convert(schema))));
    }

    /** Converts one record into an Iceberg-ready Flink row, field order as in the schema. */
    @FunctionalInterface
    public interface RowMapper<T> extends Serializable {
        RowData toRow(T record);
    }

    /** The Flink type of this table's rows. */
    public TypeInformation<RowData> rowType() {
        return output.getTypeInfo();
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
