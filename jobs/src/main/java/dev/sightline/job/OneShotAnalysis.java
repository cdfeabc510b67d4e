package dev.sightline.job;

import dev.sightline.audio.AudioAnalysis;
import dev.sightline.audio.AudioSettings;
import dev.sightline.audio.AudioTables;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.gaze.AnalyzeGaze;
import dev.sightline.gaze.GazeSettings;
import dev.sightline.gaze.GazeTables;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaRouter;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.ingest.ProgressListener;
import dev.sightline.offload.OffloadOutcome;
import dev.sightline.offload.OffloadPlan;
import dev.sightline.offload.OffloadRequest;
import dev.sightline.offload.OffloadResults;
import dev.sightline.offload.OffloadRouter;
import dev.sightline.offload.Offloader;
import dev.sightline.offload.RouteRules;
import dev.sightline.sink.AnalysisResult;
import dev.sightline.sink.CollectedRows;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.TableDefinition;
import dev.sightline.video.DeviceFrameAnalyzers;
import dev.sightline.video.FrameAnalyzer;
import dev.sightline.video.VideoAnalysis;
import dev.sightline.video.VideoSettings;
import dev.sightline.video.VideoTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.RowData;
import java.util.OptionalInt;

/**
 * Analyses one object outside Flink, the way the streaming job would, and returns the rows the
 * job would write for it ({@code sightline analyze}).
 */
public final class OneShotAnalysis implements AutoCloseable {

    private final ObjectStore store;
    private final ObjectInspector inspector;
    private final GazeSettings gaze;
    private final VideoSettings video;
    private final AudioSettings audio;
    private AudioAnalysis audioAnalysis;
    private RouteRules routes;
    private ProgressListener progress = ProgressListener.NONE;
    private Offloader offloader;

    public OneShotAnalysis(ObjectStore store, GazeSettings gaze, VideoSettings video, AudioSettings audio) {
        this.store = store;
        this.inspector = new ObjectInspector(store);
        this.gaze = gaze;
        this.video = video;
        this.audio = audio;
    }

    /**
     * Sends the objects the plan's routing rules choose to its compute backend, as the job does,
     * and reads their rows from the workers' results.
     */
    public OneShotAnalysis withOffload(OffloadPlan plan) {
        this.routes = plan.settings().routes();
        this.offloader = new Offloader(store, plan.settings(), plan.backend().create(), plan.inTask(), 1, new Offloader.Listener() {});
        return this;
    }

    /** Tells {@code listener} how far each object's analysis is (frames decoded, audio seconds, bytes read). */
    public OneShotAnalysis withProgress(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    /** The rows of one local file, per table. */
    public AnalysisResult analyze(Path file) throws Exception {
        return analyze(inspector.inspect(LocalPaths.toUri(file)));
    }

    /** The rows of one identified object, per table: the object's ledger row, its dead letters, then its analysis tables. */
    public AnalysisResult analyze(MediaObject object) throws Exception {
        OffloadRequest offload = offloader == null ? null : OffloadRouter.route(routes, store, object);
        if (offload != null) {
            return offloaded(offloader.offload(offload).get());
        }
        MediaType route = MediaRouter.routeOf(object);
        CollectedRows rows = new CollectedRows();
        List<TableDefinition<?>> tables = tablesOf(route);
        ObjectOutcome outcome;
        if (route == MediaType.UNKNOWN) {
            outcome = new UnsupportedObjects().map(object);
        } else if (route == MediaType.GAZE) {
            outcome = AnalyzeGaze.GazeOutcomes.analyze(store, object, gaze, rows, progress);
        } else if (route == MediaType.VIDEO) {
            try (FrameAnalyzer analyzer = new DeviceFrameAnalyzers(video).create(OptionalInt.empty())) {
                outcome = VideoAnalysis.analyze(store, object, video, analyzer, rows, progress);
            }
            if (audio.videoSound()) {
                audio().analyze(object, rows, progress);
            }
        } else {
            outcome = audio().analyze(object, rows, progress).orElseThrow();
        }
        if (outcome.status() == ObjectStatus.FAILED) {
            rows.add(LedgerTables.DEAD_LETTERS, outcome.toDeadLetter());
        }
        AnalysisResult result = new AnalysisResult(outcome);
        result.add(LedgerTables.MEDIA_OBJECTS, List.of(outcome));
        result.add(LedgerTables.DEAD_LETTERS, rows.of(LedgerTables.DEAD_LETTERS));
        for (TableDefinition<?> table : tables) {
            result.addAll(table, rows);
        }
        return result;
    }

    /** The tables an object of this route fills, in order. */
    private List<TableDefinition<?>> tablesOf(MediaType route) {
        List<TableDefinition<?>> tables = new ArrayList<>();
        switch (route) {
            case GAZE -> tables.addAll(GazeTables.ALL);
            case VIDEO -> {
                tables.addAll(VideoTables.ALL);
                if (audio.videoSound()) {
                    tables.addAll(AudioTables.ALL);
                }
            }
            case AUDIO -> tables.addAll(AudioTables.ALL);
            default -> { }
        }
        return tables;
    }

    /** The rows of an offloaded object, from its worker's result: the same tables as in the task. */
    private AnalysisResult offloaded(OffloadOutcome offloaded) {
        List<TableDefinition<?>> tables = tablesOf(MediaRouter.routeOf(offloaded.object()));
        Map<String, List<RowData>> rows = new LinkedHashMap<>();
        CollectedRows records = new CollectedRows();
        List<TableDefinition<?>> known = new ArrayList<>(List.of(LedgerTables.MEDIA_OBJECTS, LedgerTables.DEAD_LETTERS));
        known.addAll(tables);
        ObjectOutcome outcome = OffloadResults.emit(offloaded, known,
                (table, row) -> rows.computeIfAbsent(table.name(), k -> new ArrayList<>()).add(row), records);
        if (outcome.status() == ObjectStatus.FAILED) {
            records.add(LedgerTables.DEAD_LETTERS, outcome.toDeadLetter());
        }
        AnalysisResult result = new AnalysisResult(outcome);
        result.add(LedgerTables.MEDIA_OBJECTS, List.of(outcome));
        result.add(LedgerTables.DEAD_LETTERS, records.of(LedgerTables.DEAD_LETTERS));
        if (outcome.stage() == null || !outcome.stage().equals(OffloadResults.STAGE)) {
            for (TableDefinition<?> table : tables) {
                result.addRows(table, rows.getOrDefault(table.name(), List.of()));
            }
        }
        return result;
    }

    /** The audio analysis, its models loaded the first time a recording needs them. */
    private AudioAnalysis audio() {
        if (audioAnalysis == null) {
            audioAnalysis = new AudioAnalysis(store, audio);
        }
        return audioAnalysis;
    }

    @Override
    public void close() throws Exception {
        if (audioAnalysis != null) {
            audioAnalysis.close();
        }
        if (offloader != null) {
            offloader.close();
        }
    }
}
