package dev.sightline.report;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.gaze.GazeSettings;
import dev.sightline.sink.AnalysisResult;
import dev.sightline.sink.IcebergWarehouse;
import java.util.List;

/** Makes Sightline's HTML reports: from the warehouse for a filter, or from one-shot analyses. */
public final class Reports {

    /** What a warehouse report covers; null members match every object. */
    public record Selection(String uri, String prefix, String mediaType, String status, int limit) {

        public Selection {
            if (limit <= 0) {
                throw new IllegalArgumentException("the limit must be positive, not " + limit);
            }
        }
    }

    /** A report and how many objects it holds. */
    public record Report(String html, int objects) {}

    private Reports() {}

    /** The report of the warehouse's objects that match {@code selection} (the latest version of each). */
    public static Report ofWarehouse(IcebergWarehouse warehouse, ObjectStore store, GazeSettings gaze, Selection selection) {
        WarehouseObjects.Filter filter = new WarehouseObjects.Filter(selection.uri(), selection.prefix(), selection.mediaType(),
                selection.status(), selection.limit());
        List<ObjectRows> objects = WarehouseObjects.read(warehouse, filter);
        ReportContext context = new ReportContext(store, new StimulusImages(store, warehouse), gaze);
        return new Report(HtmlReport.render("Sightline report", filter.describe(), objects, context), objects.size());
    }

    /** The report of analyses made now ({@code sightline analyze --report}). */
    public static Report ofResults(List<AnalysisResult> results, ObjectStore store, GazeSettings gaze) {
        List<ObjectRows> objects = results.stream().map(ObjectRows::of).toList();
        ReportContext context = new ReportContext(store, new StimulusImages(store, null), gaze);
        return new Report(HtmlReport.render("Sightline report", "analysed now, not from the warehouse", objects, context), objects.size());
    }
}
