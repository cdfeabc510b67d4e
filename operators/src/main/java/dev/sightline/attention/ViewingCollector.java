package dev.sightline.attention;

import dev.sightline.gaze.GazeTables;
import dev.sightline.sink.TableDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.flink.table.data.RowData;

/**
 * Builds the {@link Viewing}s of one gaze object from the rows its analysis wrote (in the task or
 * read back from an offloaded result, so both paths join alike): one per video a recording showed,
 * with its detected fixations and pursuits while the video was shown.
 */
public final class ViewingCollector implements BiConsumer<TableDefinition<?>, RowData> {

    private static final RowColumns RECORDINGS = new RowColumns(GazeTables.RECORDINGS);
    private static final RowColumns STIMULI = new RowColumns(GazeTables.STIMULI);
    private static final RowColumns FIXATIONS = new RowColumns(GazeTables.FIXATIONS);
    private static final RowColumns PURSUITS = new RowColumns(GazeTables.PURSUITS);

    private final Map<String, RowData> recordings = new LinkedHashMap<>();
    private final Map<String, List<RowData>> stimuli = new LinkedHashMap<>();
    private final Map<String, List<double[]>> events = new LinkedHashMap<>();

    @Override
    public void accept(TableDefinition<?> table, RowData row) {
        switch (table.name()) {
            case "gaze_recordings" -> recordings.put(RECORDINGS.str(row, "recording_id"), row);
            case "gaze_stimuli" -> stimuli.computeIfAbsent(STIMULI.str(row, "recording_id"), k -> new ArrayList<>()).add(row);
            case "gaze_fixations" -> {
                if ("detected".equals(FIXATIONS.str(row, "source"))) {
                    double x = FIXATIONS.dbl(row, "x_px");
                    double y = FIXATIONS.dbl(row, "y_px");
                    event(FIXATIONS.str(row, "recording_id"), Viewing.FIXATION, FIXATIONS.lng(row, "fixation_index", 0),
                            FIXATIONS.dbl(row, "start_time_ms"), FIXATIONS.dbl(row, "end_time_ms"), x, y, x, y);
                }
            }
            case "gaze_pursuits" -> event(PURSUITS.str(row, "recording_id"), Viewing.PURSUIT, PURSUITS.lng(row, "pursuit_index", 0),
                    PURSUITS.dbl(row, "start_time_ms"), PURSUITS.dbl(row, "end_time_ms"), PURSUITS.dbl(row, "start_x_px"),
                    PURSUITS.dbl(row, "start_y_px"), PURSUITS.dbl(row, "end_x_px"), PURSUITS.dbl(row, "end_y_px"));
            default -> { }
        }
    }

    private void event(String recording, byte kind, long index, double start, double end, double x0, double y0, double x1, double y1) {
        if (Double.isNaN(x0) || Double.isNaN(y0) || Double.isNaN(x1) || Double.isNaN(y1)) {
            return;
        }
        events.computeIfAbsent(recording, k -> new ArrayList<>()).add(new double[] {kind, index, start, end, x0, y0, x1, y1});
    }

    /** The viewings of every linked recording seen, in the order their links came. */
    public List<Viewing> viewings() {
        List<Viewing> out = new ArrayList<>();
        for (Map.Entry<String, List<RowData>> linked : stimuli.entrySet()) {
            RowData recording = recordings.get(linked.getKey());
            if (recording == null) {
                continue;
            }
            List<double[]> all = new ArrayList<>(events.getOrDefault(linked.getKey(), List.of()));
            all.sort(Comparator.<double[]>comparingDouble(e -> e[2]).thenComparingDouble(e -> e[0]));
            double[] screen = {RECORDINGS.dbl(recording, "screen_width_px"), RECORDINGS.dbl(recording, "screen_height_px"),
                RECORDINGS.dbl(recording, "screen_width_mm"), RECORDINGS.dbl(recording, "screen_height_mm"),
                RECORDINGS.dbl(recording, "viewing_distance_mm")};
            for (RowData link : linked.getValue()) {
                out.add(viewing(recording, link, all, screen));
            }
        }
        return out;
    }

    private static Viewing viewing(RowData recording, RowData link, List<double[]> all, double[] screen) {
        double start = STIMULI.dbl(link, "start_time_ms");
        double end = STIMULI.dbl(link, "end_time_ms");
        List<double[]> shown = all.stream().filter(e -> e[2] >= start && e[2] < end).toList();
        int n = shown.size();
        byte[] kinds = new byte[n];
        long[] indexes = new long[n];
        double[][] columns = new double[6][n];
        for (int i = 0; i < n; i++) {
            double[] e = shown.get(i);
            kinds[i] = (byte) e[0];
            indexes[i] = (long) e[1];
            for (int c = 0; c < 6; c++) {
                columns[c][i] = e[c + 2];
            }
        }
        double[] rect = {STIMULI.dbl(link, "screen_x"), STIMULI.dbl(link, "screen_y"), STIMULI.dbl(link, "screen_width"),
            STIMULI.dbl(link, "screen_height")};
        return new Viewing(STIMULI.str(link, "stimulus_key"), STIMULI.str(link, "uri"), STIMULI.str(link, "version"),
                STIMULI.str(link, "recording_id"), nonNull(RECORDINGS.str(recording, "participant")),
                nonNull(RECORDINGS.str(recording, "recording_name")), STIMULI.lng(link, "segment_index", 0),
                STIMULI.str(link, "video_ref"), start, end, STIMULI.dbl(link, "video_start_time_ms"),
                STIMULI.str(link, "frame_anchors"), rect, Arrays.copyOf(screen, 5), kinds, indexes, columns[0], columns[1],
                columns[2], columns[3], columns[4], columns[5]);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
