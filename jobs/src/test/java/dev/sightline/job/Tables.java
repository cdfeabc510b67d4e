package dev.sightline.job;

import dev.sightline.config.SightlineConfig;
import dev.sightline.sink.IcebergWarehouse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.iceberg.data.Record;

/** Reads committed rows back from a test's warehouse, waiting for commits. */
final class Tables {

    private Tables() {}

    static List<Record> read(SightlineConfig config, String table) throws Exception {
        try (IcebergWarehouse warehouse = new IcebergWarehouse(SightlineJob.catalog(config))) {
            return warehouse.readAll(table);
        }
    }

    /** Polls a table until its rows satisfy {@code done}; fails after {@code timeout}. */
    static List<Record> awaitRows(SightlineConfig config, String table, Predicate<List<Record>> done, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<Record> rows = read(config, table);
        while (!done.test(rows)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for rows in " + table + "; have " + rows);
            }
            Thread.sleep(200);
            rows = read(config, table);
        }
        return rows;
    }

    static List<String> column(List<Record> rows, String column) {
        return rows.stream().map(r -> String.valueOf(r.getField(column))).sorted().toList();
    }
}
