package dev.sightline.job;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.gaze.AnalyzeGaze;
import dev.sightline.gaze.GazeSettings;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.video.VideoAnalysis;
import dev.sightline.video.VideoRowLists;
import dev.sightline.video.VideoSettings;
import dev.sightline.video.VideoTables;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaRouter;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.LedgerTables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyses one object outside Flink, the way the streaming job would, and returns the rows the
 * job would write for it ({@code sightline analyze}).
 */
public final class OneShotAnalysis {

    private final ObjectStore store;
    private final ObjectInspector inspector;
    private final GazeSettings gaze;
    private final VideoSettings video;

    public OneShotAnalysis(ObjectStore store, GazeSettings gaze, VideoSettings video) {
        this.store = store;
        this.inspector = new ObjectInspector(store);
        this.gaze = gaze;
        this.video = video;
    }

    /** The rows of one local file, per table. */
    public AnalysisResult analyze(Path file) {
        MediaObject object = inspector.inspect(LocalPaths.toUri(file));
        MediaType route = MediaRouter.routeOf(object);
        List<DeadLetter> deadLetters = new ArrayList<>();
        CollectedGazeRows gazeRows = new CollectedGazeRows(object, deadLetters);
        VideoRowLists videoRows = new VideoRowLists();
        ObjectOutcome outcome;
        if (route == MediaType.UNKNOWN) {
            outcome = new UnsupportedObjects().map(object);
        } else if (route == MediaType.GAZE) {
            outcome = AnalyzeGaze.GazeOutcomes.analyze(store, object, gaze, gazeRows);
        } else if (route == MediaType.VIDEO) {
            outcome = VideoAnalysis.analyze(store, object, video, videoRows);
        } else {
            outcome = ObjectOutcome.done(object, AnalysisJob.IDENTIFY_STAGE, Instant.now());
        }
        if (outcome.status() == ObjectStatus.FAILED) {
            deadLetters.add(outcome.toDeadLetter());
        }
        for (String problem : videoRows.problems) { // a partial outcome's dead letters come from its branch
            deadLetters.add(new DeadLetter(object.uri(), object.version(), VideoAnalysis.STAGE, VideoAnalysis.BROKEN_VIDEO,
                    problem, Instant.now()));
        }
        AnalysisResult result = new AnalysisResult(outcome);
        result.add(LedgerTables.MEDIA_OBJECTS, List.of(outcome));
        result.add(LedgerTables.DEAD_LETTERS, deadLetters);
        if (route == MediaType.GAZE) {
            gazeRows.addTo(result);
        }
        if (route == MediaType.VIDEO) {
            result.add(VideoTables.SCENES, videoRows.scenes);
            result.add(VideoTables.DETECTIONS, videoRows.detections);
            result.add(VideoTables.TRACKS, videoRows.tracks);
            result.add(VideoTables.SUMMARY, videoRows.summaries);
        }
        return result;
    }
}
