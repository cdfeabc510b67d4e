package dev.sightline.sink;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;

/**
 * Writes result tables with Iceberg's Flink sink: files are written continuously and committed
 * once per checkpoint, so each row lands exactly once.
 */
public final class IcebergTableWriter implements TableWriter {

    private final IcebergCatalogSettings settings;

    public IcebergTableWriter(IcebergCatalogSettings settings) {
        this.settings = settings;
    }

    @Override
    public <T> void write(DataStream<T> records, TableDefinition<T> table) {
        DataStream<RowData> rows = records
                .map(new ToRow<>(table.rowMapper()))
                .returns(InternalTypeInfo.of(FlinkSchemaUtil.convert(table.schema())))
                .name("rows for " + table.name())
                .uid("rows-" + table.name());
        IcebergSink.forRowData(rows)
                .tableLoader(TableLoader.fromCatalog(settings.loader(), settings.identifier(table.name())))
                .uidSuffix(table.name())
                .append()
                .name("iceberg " + table.name())
                .uid("iceberg-sink-" + table.name());
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
