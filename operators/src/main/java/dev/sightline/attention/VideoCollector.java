package dev.sightline.attention;

import dev.sightline.gaze.stimulus.StimulusLinks;
import dev.sightline.ingest.MediaObject;
import dev.sightline.sink.TableDefinition;
import dev.sightline.video.VideoTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.flink.table.data.RowData;

/**
 * Builds the {@link StimulusVideo} of one video object from the rows its analysis wrote (in the
 * task or read back from an offloaded result): its summary, the scenes of its first scene
 * detector, and the boxes of its confirmed tracks.
 */
public final class VideoCollector implements BiConsumer<TableDefinition<?>, RowData> {

    private static final RowColumns SUMMARY = new RowColumns(VideoTables.SUMMARY);
    private static final RowColumns SCENES = new RowColumns(VideoTables.SCENES);
    private static final RowColumns DETECTIONS = new RowColumns(VideoTables.DETECTIONS);

    private final MediaObject object;
    private RowData summary;
    private String sceneDetector;
    private final List<double[]> scenes = new ArrayList<>();
    private final Map<Long, String> labels = new LinkedHashMap<>();
    private final Map<Long, List<double[]>> boxes = new TreeMap<>();

    public VideoCollector(MediaObject object) {
        this.object = object;
    }

    @Override
    public void accept(TableDefinition<?> table, RowData row) {
        switch (table.name()) {
            case "video_summary" -> summary = row;
            case "video_scenes" -> {
                String detector = SCENES.str(row, "detector");
                if (sceneDetector == null) {
                    sceneDetector = detector;
                }
                if (sceneDetector.equals(detector)) {
                    scenes.add(new double[] {SCENES.lng(row, "scene_index", 0), SCENES.dbl(row, "start_time_s"), SCENES.dbl(row, "end_time_s")});
                }
            }
            case "video_detections" -> {
                long track = DETECTIONS.lng(row, "track_id", -1);
                if (track >= 0) {
                    labels.putIfAbsent(track, DETECTIONS.str(row, "label"));
                    boxes.computeIfAbsent(track, k -> new ArrayList<>()).add(new double[] {DETECTIONS.dbl(row, "time_s"),
                        DETECTIONS.dbl(row, "x"), DETECTIONS.dbl(row, "y"), DETECTIONS.dbl(row, "width"), DETECTIONS.dbl(row, "height")});
                }
            }
            default -> { }
        }
    }

    /** The video under each key it can be linked by (its URI, and its content's SHA-256); empty when it was not analysed. */
    public List<StimulusVideo> videos() {
        if (summary == null || SUMMARY.lng(summary, "frames_decoded", 0) == 0) {
            return List.of();
        }
        scenes.sort((a, b) -> Double.compare(a[1], b[1]));
        int n = scenes.size();
        long[] sceneIndexes = new long[n];
        double[] sceneStart = new double[n];
        double[] sceneEnd = new double[n];
        for (int i = 0; i < n; i++) {
            sceneIndexes[i] = (long) scenes.get(i)[0];
            sceneStart[i] = scenes.get(i)[1];
            sceneEnd[i] = scenes.get(i)[2];
        }
        int tracks = boxes.size();
        long[] ids = new long[tracks];
        String[] trackLabels = new String[tracks];
        int[] first = new int[tracks + 1];
        int total = boxes.values().stream().mapToInt(List::size).sum();
        double[] times = new double[total];
        double[] flat = new double[4 * total];
        int k = 0;
        int b = 0;
        for (Map.Entry<Long, List<double[]>> track : boxes.entrySet()) {
            ids[k] = track.getKey();
            trackLabels[k] = labels.get(track.getKey());
            first[k] = b;
            List<double[]> list = new ArrayList<>(track.getValue());
            list.sort((x, y) -> Double.compare(x[0], y[0]));
            for (double[] box : list) {
                times[b] = box[0];
                System.arraycopy(box, 1, flat, 4 * b, 4);
                b++;
            }
            k++;
        }
        first[tracks] = b;
        StimulusVideo byUri = new StimulusVideo(StimulusLinks.URI_KEY + object.uri(), object.uri(), object.version(),
                SUMMARY.str(summary, "video_id"), SUMMARY.lng(summary, "width", 0), SUMMARY.lng(summary, "height", 0),
                SUMMARY.dbl(summary, "fps"), SUMMARY.dbl(summary, "duration_s"), sceneDetector == null ? "" : sceneDetector,
                sceneIndexes, sceneStart, sceneEnd, ids, trackLabels, first, times, flat);
        List<StimulusVideo> out = new ArrayList<>(List.of(byUri));
        if (object.sha256() != null && !object.sha256().isEmpty()) {
            out.add(byUri.under(StimulusLinks.SHA256_KEY + object.sha256()));
        }
        return out;
    }
}
