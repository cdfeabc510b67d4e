package dev.sightline.recovery;

import dev.sightline.sink.IcebergWarehouse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * A checksum over every row of each table, the columns that say when or how long something ran
 * (or which backend job ran it) aside, so that a run through faults can be compared with a
 * fault-free run of the same objects: equal checksums mean the same rows, none lost or doubled.
 */
public final class TableChecksums {

    /** Columns that differ between two correct runs of the same objects: wall-clock times, run times, run ids. */
    static final Set<String> TIMING = Set.of("received_at", "processed_at", "occurred_at", "submitted_at", "started_at", "finished_at",
            "queued_s", "run_s", "estimated_cost_usd", "job_id", "attempts");

    /** One table's rows and checksum. */
    public record Summary(long rows, String sha256) {}

    private TableChecksums() {}

    /** The summary of each named table. */
    public static Map<String, Summary> of(IcebergWarehouse warehouse, List<String> tables) {
        Map<String, Summary> sums = new LinkedHashMap<>();
        for (String table : tables) {
            sums.put(table, of(warehouse, table));
        }
        return sums;
    }

    /** One table's summary: rows, and SHA-256 over its sorted row texts. */
    public static Summary of(IcebergWarehouse warehouse, String table) {
        List<Types.NestedField> columns = warehouse.table(table).schema().columns().stream()
                .filter(c -> !TIMING.contains(c.name())).toList();
        List<String> rows = new ArrayList<>();
        for (Record record : warehouse.readAll(table)) {
            StringBuilder row = new StringBuilder();
            for (Types.NestedField column : columns) {
                row.append(column.name()).append('=').append(record.getField(column.name())).append('\u001f');
            }
            rows.add(row.toString());
        }
        rows.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String row : rows) {
                digest.update(row.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return new Summary(rows.size(), HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables whose summaries differ between {@code expected} and {@code actual}, with both. */
    public static Map<String, String> differences(Map<String, Summary> expected, Map<String, Summary> actual) {
        Map<String, String> differ = new LinkedHashMap<>();
        expected.forEach((table, want) -> {
            Summary got = actual.get(table);
            if (!want.equals(got)) {
                differ.put(table, "expected " + want.rows() + " rows " + want.sha256().substring(0, 12) + ", got "
                        + (got == null ? "no table" : got.rows() + " rows " + got.sha256().substring(0, 12)));
            }
        });
        return differ;
    }
}
