package dev.sightline.job;

import dev.sightline.audio.AudioAnalysis;
import dev.sightline.audio.AudioRowLists;
import dev.sightline.audio.AudioSettings;
import dev.sightline.audio.AudioTables;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.gaze.AnalyzeGaze;
import dev.sightline.gaze.GazeSettings;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.video.DeviceFrameAnalyzers;
import dev.sightline.video.FrameAnalyzer;
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

    public OneShotAnalysis(ObjectStore store, GazeSettings gaze, VideoSettings video, AudioSettings audio) {
        this.store = store;
        this.inspector = new ObjectInspector(store);
        this.gaze = gaze;
        this.video = video;
        this.audio = audio;
    }

    /** The rows of one local file, per table. */
    public AnalysisResult analyze(Path file) throws Exception {
        MediaObject object = inspector.inspect(LocalPaths.toUri(file));
        MediaType route = MediaRouter.routeOf(object);
        List<DeadLetter> deadLetters = new ArrayList<>();
        CollectedGazeRows gazeRows = new CollectedGazeRows(object, deadLetters);
        VideoRowLists videoRows = new VideoRowLists();
        AudioRowLists audioRows = new AudioRowLists();
        ObjectOutcome outcome;
        if (route == MediaType.UNKNOWN) {
            outcome = new UnsupportedObjects().map(object);
        } else if (route == MediaType.GAZE) {
            outcome = AnalyzeGaze.GazeOutcomes.analyze(store, object, gaze, gazeRows);
        } else if (route == MediaType.VIDEO) {
            try (FrameAnalyzer analyzer = new DeviceFrameAnalyzers(video).create(OptionalInt.empty())) {
                outcome = VideoAnalysis.analyze(store, object, video, analyzer, videoRows);
            }
            if (audio.videoSound()) {
                audio().analyze(object, audioRows, deadLetters::add);
            }
        } else {
            outcome = audio().analyze(object, audioRows, deadLetters::add).orElseThrow();
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
        if (route == MediaType.AUDIO || route == MediaType.VIDEO && audio.videoSound()) {
            result.add(AudioTables.TRANSCRIPTS, audioRows.transcripts);
            result.add(AudioTables.SEGMENTS, audioRows.segments);
            result.add(AudioTables.WORDS, audioRows.words);
            result.add(AudioTables.KEYWORDS, audioRows.keywords);
            result.add(AudioTables.TOPICS, audioRows.topics);
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
    }
}
