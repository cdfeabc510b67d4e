package dev.sightline.attention;

import dev.sightline.sink.TableDefinition;
import java.util.List;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.types.Types;

/**
 * Reads the fields of one table's rows by column name (the join reads the rows the analyses
 * wrote, whether they were produced in the task or read back from an offloaded result).
 */
final class RowColumns {

    private final List<String> names;
    private final String table;

    RowColumns(TableDefinition<?> table) {
        this.table = table.name();
        this.names = table.schema().columns().stream().map(Types.NestedField::name).toList();
    }

    private int index(String column) {
        int i = names.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(table + " has no column " + column);
        }
        return i;
    }

    /** A double column; NaN for null. */
    double dbl(RowData row, String column) {
        int i = index(column);
        return row.isNullAt(i) ? Double.NaN : row.getDouble(i);
    }

    /** A bigint column; {@code absent} for null. */
    long lng(RowData row, String column, long absent) {
        int i = index(column);
        return row.isNullAt(i) ? absent : row.getLong(i);
    }

    /** A string column; null for null. */
    String str(RowData row, String column) {
        int i = index(column);
        return row.isNullAt(i) ? null : row.getString(i).toString();
    }
}
