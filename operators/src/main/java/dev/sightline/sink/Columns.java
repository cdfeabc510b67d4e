package dev.sightline.sink;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** Column factories for table schemas: the few kinds of column result tables are made of, each with its doc. */
public final class Columns {

    private Columns() {}

    /** An optional string. */
    public static Types.NestedField str(int id, String name, String doc) {
        return optional(id, name, Types.StringType.get(), doc);
    }

    /** A required string. */
    public static Types.NestedField req(int id, String name, String doc) {
        return required(id, name, Types.StringType.get(), doc);
    }

    /** An optional double (NaN is written as null). */
    public static Types.NestedField dbl(int id, String name, String doc) {
        return optional(id, name, Types.DoubleType.get(), doc);
    }

    /** A required long. */
    public static Types.NestedField lng(int id, String name, String doc) {
        return required(id, name, Types.LongType.get(), doc);
    }

    /** An optional long. */
    public static Types.NestedField optLng(int id, String name, String doc) {
        return optional(id, name, Types.LongType.get(), doc);
    }

    /** A schema of the columns several tables begin with, then {@code rest}. */
    public static Schema schema(List<Types.NestedField> lead, Types.NestedField... rest) {
        List<Types.NestedField> columns = new ArrayList<>(lead);
        columns.addAll(List.of(rest));
        return new Schema(columns);
    }
}
