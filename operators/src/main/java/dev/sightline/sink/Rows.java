package dev.sightline.sink;

import java.time.Instant;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/** Converts Java values into Flink's internal row field values (null-safe). */
public final class Rows {

    private Rows() {}

    public static StringData string(String value) {
        return value == null ? null : StringData.fromString(value);
    }

    /** A double column's value: null for NaN and infinities, which no table stores. */
    public static Double finite(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    /** An Iceberg {@code timestamptz} value. */
    public static TimestampData timestamp(Instant value) {
        return value == null ? null : TimestampData.fromInstant(value);
    }
}
