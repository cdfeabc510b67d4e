package dev.sightline.report;

import dev.sightline.sink.AnalysisResult;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.RowJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one object version left in the tables: its ledger row and its rows per table. */
record ObjectRows(ReportRow ledger, Map<String, List<ReportRow>> tables) {

    /** The rows a one-shot analysis made. */
    static ObjectRows of(AnalysisResult result) {
        Map<String, List<ReportRow>> tables = new LinkedHashMap<>();
        for (AnalysisResult.TableRows table : result.tables()) {
            List<ReportRow> rows = new ArrayList<>();
            table.rows().forEach(row -> rows.add(new ReportRow(RowJson.toJson(row, table.schema()))));
            tables.merge(table.table(), rows, (a, b) -> {
                a.addAll(b);
                return a;
            });
        }
        return new ObjectRows(tables.get(LedgerTables.MEDIA_OBJECTS.name()).get(0), tables);
    }

    /** The rows of {@code table}, empty when it has none. */
    List<ReportRow> of(String table) {
        return tables.getOrDefault(table, List.of());
    }

    String uri() {
        return ledger.text("uri");
    }

    String version() {
        return ledger.text("version");
    }

    String mediaType() {
        return ledger.text("media_type", "unknown");
    }

    /** The object's file name: the last part of its URI. */
    String fileName() {
        String uri = uri();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
