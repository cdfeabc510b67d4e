package dev.sightline.attention;

import dev.sightline.gaze.GazeSettings;
import dev.sightline.gaze.GazeTables;
import dev.sightline.gaze.stimulus.StimulusEntry;
import dev.sightline.ingest.MediaType;
import dev.sightline.sink.AnalysisResult;
import dev.sightline.sink.CollectedRows;
import dev.sightline.sink.TableDefinition;
import dev.sightline.video.VideoTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.flink.table.data.RowData;

/**
 * Joins recordings with videos analysed once, outside the job ({@code sightline analyze RECORDING
 * VIDEO}): each viewing meets the given video its link names; with a single video given, every
 * recording is taken to have shown it (an unlinked one full screen from its first sample). The
 * join's rows go into the results: hits and attention per track and scene into the recording's,
 * {@code video_attention} over all given recordings into the video's.
 */
public final class AnalysedPairs {

    /** The name of the fallback link's entry in {@code gaze_stimuli.manifest_entry}. */
    public static final String COMMAND_LINE_ENTRY = "command-line";

    private AnalysedPairs() {}

    /** The gaze settings that link an otherwise unlinked recording to the one video given, if exactly one is. */
    public static GazeSettings withFallback(GazeSettings gaze, List<String> videoUris) {
        if (videoUris.size() != 1) {
            return gaze;
        }
        StimulusEntry everyRecording = new StimulusEntry(COMMAND_LINE_ENTRY, "", "", videoUris.get(0), "", null, Double.NaN);
        return gaze.withStimuli(gaze.stimuli().withLast(List.of(everyRecording)));
    }

    /** Joins the gaze results with the video results and adds the join's rows to them; returns the number of viewings joined. */
    public static int join(List<AnalysisResult> results, JoinSettings settings) {
        Map<String, StimulusVideo> byKey = new LinkedHashMap<>();
        Map<String, AnalysisResult> videoResults = new LinkedHashMap<>();
        List<StimulusVideo> firstKeys = new ArrayList<>();
        Map<String, AnalysisResult> gazeResults = new LinkedHashMap<>();
        List<Viewing> viewings = new ArrayList<>();
        for (AnalysisResult result : results) {
            MediaType type = result.outcome().object().mediaType();
            if (type == MediaType.VIDEO) {
                VideoCollector collector = new VideoCollector(result.outcome().object());
                replay(result, VideoTables.ALL, collector);
                List<StimulusVideo> videos = collector.videos();
                if (!videos.isEmpty()) {
                    firstKeys.add(videos.get(0));
                    videoResults.put(videos.get(0).uri(), result);
                }
                videos.forEach(v -> byKey.putIfAbsent(v.key(), v));
            } else if (type == MediaType.GAZE) {
                ViewingCollector collector = new ViewingCollector();
                replay(result, GazeTables.ALL, collector);
                viewings.addAll(collector.viewings());
                gazeResults.put(result.outcome().object().uri(), result);
            }
        }
        Map<String, List<Viewing>> byVideo = new LinkedHashMap<>();
        for (Viewing viewing : viewings) {
            StimulusVideo video = byKey.get(viewing.key());
            if (video == null && firstKeys.size() == 1) {
                video = firstKeys.get(0); // the pair given on the command line, whatever the export named
            }
            if (video != null) {
                byVideo.computeIfAbsent(video.key(), k -> new ArrayList<>()).add(viewing);
            }
        }
        int joined = 0;
        for (Map.Entry<String, List<Viewing>> entry : byVideo.entrySet()) {
            StimulusVideo video = byKey.get(entry.getKey());
            List<Viewing> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(Comparator.comparing(Viewing::uri).thenComparing(Viewing::id));
            CollectedRows rows = new CollectedRows();
            List<ViewerSummary> summaries = new ArrayList<>();
            for (Viewing viewing : sorted) {
                summaries.add(GazeOnVideo.join(viewing, video, settings, rows));
                joined++;
            }
            VideoAttention.write(video, summaries, settings, rows);
            for (AnalysisResult gaze : gazeResults.values()) {
                String uri = gaze.outcome().object().uri();
                append(gaze, AttentionTables.OBJECT_HITS, rows.of(AttentionTables.OBJECT_HITS).stream().filter(h -> h.uri().equals(uri)).toList());
                append(gaze, AttentionTables.TRACK_ATTENTION,
                        rows.of(AttentionTables.TRACK_ATTENTION).stream().filter(t -> t.uri().equals(uri)).toList());
                append(gaze, AttentionTables.SCENE_ATTENTION,
                        rows.of(AttentionTables.SCENE_ATTENTION).stream().filter(s -> s.uri().equals(uri)).toList());
            }
            append(videoResults.get(video.uri()), AttentionTables.VIDEO_ATTENTION, rows.of(AttentionTables.VIDEO_ATTENTION));
        }
        return joined;
    }

    private static <T> void append(AnalysisResult result, TableDefinition<T> table, List<T> rows) {
        List<RowData> all = new ArrayList<>();
        result.tables().stream().filter(t -> t.table().equals(table.name())).findFirst().ifPresent(t -> all.addAll(t.rows()));
        rows.forEach(row -> all.add(table.rowMapper().toRow(row)));
        result.addRows(table, all);
    }

    private static void replay(AnalysisResult result, List<TableDefinition<?>> tables, BiConsumer<TableDefinition<?>, RowData> consumer) {
        for (AnalysisResult.TableRows rows : result.tables()) {
            tables.stream().filter(t -> t.name().equals(rows.table())).findFirst()
                    .ifPresent(table -> rows.rows().forEach(row -> consumer.accept(table, row)));
        }
    }
}
