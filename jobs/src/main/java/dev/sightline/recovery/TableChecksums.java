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
            "queued_s", "run_s", "processing_s", "estimated_cost_usd", "job_id", "attempts");

    /** One table's rows and checksum, and a checksum per column (of its sorted values) to name what differs. */
    public record Summary(long rows, String sha256, Map<String, String> columns) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Summary s && s.rows == rows && s.sha256.equals(sha256);
        }

        @Override
        public int hashCode() {
            return sha256.hashCode();
        }
    }

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
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Record record : warehouse.readAll(table)) {
            StringBuilder row = new StringBuilder();
            for (Types.NestedField column : columns) {
                String value = String.valueOf(record.getField(column.name()));
                row.append(column.name()).append('=').append(value).append('\u001f');
                values.computeIfAbsent(column.name(), c -> new ArrayList<>()).add(value);
            }
            rows.add(row.toString());
        }
        Map<String, String> perColumn = new LinkedHashMap<>();
        values.forEach((column, list) -> perColumn.put(column, digest(list)));
        return new Summary(rows.size(), digest(rows), perColumn);
    }

    private static String digest(List<String> lines) {
        lines.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
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
                List<String> columns = got == null ? List.of() : want.columns().keySet().stream()
                        .filter(c -> !want.columns().get(c).equals(got.columns().get(c))).toList();
                differ.put(table, "expected " + want.rows() + " rows " + want.sha256().substring(0, 12) + ", got "
                        + (got == null ? "no table" : got.rows() + " rows " + got.sha256().substring(0, 12))
                        + (columns.isEmpty() ? "" : "; columns that differ: " + String.join(", ", columns)));
            }
        });
        return differ;
    }
}
