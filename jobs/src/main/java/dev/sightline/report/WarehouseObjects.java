package dev.sightline.report;

import dev.sightline.attention.AttentionTables;
import dev.sightline.audio.AudioTables;
import dev.sightline.gaze.GazeTables;
import dev.sightline.sink.IcebergWarehouse;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.TableDefinition;
import dev.sightline.video.VideoTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/** Reads the objects of the ledger that match a filter, with their rows in every analysis table. */
final class WarehouseObjects {

    /** Which ledger rows a report covers; null members match everything. */
    record Filter(String uri, String prefix, String mediaType, String status, int limit) {

        Expression expression() {
            Expression e = Expressions.alwaysTrue();
            if (uri != null) {
                e = Expressions.and(e, Expressions.equal("uri", uri));
            }
            if (prefix != null) {
                e = Expressions.and(e, Expressions.startsWith("uri", prefix));
            }
            if (mediaType != null) {
                e = Expressions.and(e, Expressions.equal("media_type", mediaType));
            }
            if (status != null) {
                e = Expressions.and(e, Expressions.equal("status", status));
            }
            return e;
        }

        /** In words, for the report's heading. */
        String describe() {
            List<String> parts = new ArrayList<>();
            if (uri != null) {
                parts.add("uri = " + uri);
            }
            if (prefix != null) {
                parts.add("uri starts with " + prefix);
            }
            if (mediaType != null) {
                parts.add("media type " + mediaType);
            }
            if (status != null) {
                parts.add("status " + status);
            }
            return parts.isEmpty() ? "every object" : String.join(", ", parts);
        }
    }

    /** The tables read by object URI and version. */
    private static final List<TableDefinition<?>> BY_URI = java.util.stream.Stream.of(List.<TableDefinition<?>>of(LedgerTables.DEAD_LETTERS),
            VideoTables.ALL, AudioTables.ALL, GazeTables.ALL).flatMap(List::stream).toList();

    private WarehouseObjects() {}

    /**
     * The latest processed version of each matching object (newest first, at most the filter's
     * limit), with its rows; {@code video_attention} rows are read by the video's URI.
     */
    static List<ObjectRows> read(IcebergWarehouse warehouse, Filter filter) {
        Map<String, ReportRow> latest = new LinkedHashMap<>();
        for (Record r : warehouse.read(LedgerTables.MEDIA_OBJECTS.name(), filter.expression())) {
            ReportRow row = ReportRow.of(r);
            latest.merge(row.text("uri"), row, (a, b) -> a.text("processed_at", "").compareTo(b.text("processed_at", "")) >= 0 ? a : b);
        }
        List<ReportRow> chosen = latest.values().stream()
                .sorted(Comparator.comparing((ReportRow r) -> r.text("processed_at", "")).reversed().thenComparing(r -> r.text("uri")))
                .limit(filter.limit())
                .toList();
        if (chosen.isEmpty()) {
            return List.of();
        }
        List<String> uris = chosen.stream().map(r -> r.text("uri")).toList();
        Map<String, Map<String, List<ReportRow>>> byObject = new HashMap<>();
        for (TableDefinition<?> table : BY_URI) {
            if (!warehouse.exists(table.name())) {
                continue;
            }
            for (Record r : warehouse.read(table.name(), Expressions.in("uri", uris.toArray()))) {
                ReportRow row = ReportRow.of(r);
                byObject.computeIfAbsent(row.text("uri") + "\n" + row.text("version"), k -> new LinkedHashMap<>())
                        .computeIfAbsent(table.name(), k -> new ArrayList<>()).add(row);
            }
        }
        String attention = AttentionTables.VIDEO_ATTENTION.name();
        if (warehouse.exists(attention)) {
            for (Record r : warehouse.read(attention, Expressions.in("video_uri", uris.toArray()))) {
                ReportRow row = ReportRow.of(r);
                byObject.computeIfAbsent(row.text("video_uri") + "\n" + row.text("video_version"), k -> new LinkedHashMap<>())
                        .computeIfAbsent(attention, k -> new ArrayList<>()).add(row);
            }
        }
        List<ObjectRows> objects = new ArrayList<>();
        for (ReportRow ledger : chosen) {
            Map<String, List<ReportRow>> tables = new LinkedHashMap<>(byObject.getOrDefault(ledger.text("uri") + "\n" + ledger.text("version"),
                    Map.of()));
            tables.put(LedgerTables.MEDIA_OBJECTS.name(), List.of(ledger));
            objects.add(new ObjectRows(ledger, tables));
        }
        return objects;
    }
}
