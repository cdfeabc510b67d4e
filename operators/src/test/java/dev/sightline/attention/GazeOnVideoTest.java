package dev.sightline.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.gaze.AdaptiveDetector;
import dev.sightline.gaze.AnalyzeGaze;
import dev.sightline.gaze.CleaningSettings;
import dev.sightline.gaze.GazeSettings;
import dev.sightline.gaze.GazeTables;
import dev.sightline.gaze.ScreenGeometry;
import dev.sightline.gaze.format.ColumnMapping;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.sink.CollectedRows;
import dev.sightline.video.DetectionSettings;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.TinyOnnxModel;
import dev.sightline.video.VideoAnalysis;
import dev.sightline.video.VideoSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated stimulus end to end without Flink: the video analysed for moving regions and a
 * user's model (which knows the still square), four recordings of it in four formats linked by
 * their exports and a manifest, joined; hits, dwell and time to first fixation where they were planted.
 */
class GazeOnVideoTest {

    @TempDir
    static Path dir;

    static final LocalObjectStore STORE = new LocalObjectStore();
    static MediaObject video;
    static StimulusVideo analysed;

    /** The still square for the tiny model: centre and size in its 64 x 64 input. */
    static DetectionSettings detection(Path folder) throws Exception {
        double sx = TwoSquares.WIDTH / 64.0;
        double sy = TwoSquares.HEIGHT / 64.0;
        float[][] rows = {{(float) ((TwoSquares.STILL_X + TwoSquares.SIDE / 2.0) / sx), (float) ((TwoSquares.STILL_Y + TwoSquares.SIDE / 2.0) / sy),
            (float) (TwoSquares.SIDE / sx), (float) (TwoSquares.SIDE / sy), 0.95f, 0.95f}};
        Path model = Files.write(folder.resolve("still-square.onnx"), TinyOnnxModel.constantDetections(64, rows));
        return new DetectionSettings(5, TwoSquares.WIDTH, false, false, 0.3, 3, 3, 0.3,
                new DetectionSettings.OnnxModel(model.toString(), 64, List.of("sign"), 0.5, 0.5), true);
    }

    static VideoSettings videoSettings(Path folder) throws Exception {
        return new VideoSettings(256, SceneSettings.DEFAULTS, detection(folder), null);
    }

    @BeforeAll
    static void analyseTheVideo() throws Exception {
        Path file = TwoSquares.writeVideo(dir.resolve("in/two-squares.mp4"));
        video = new ObjectInspector(STORE).inspect(LocalPaths.toUri(file));
        CollectedRows rows = new CollectedRows();
        VideoAnalysis.analyze(STORE, video, videoSettings(dir), rows);
        VideoCollector collector = new VideoCollector(video);
        rows.replay(collector);
        analysed = collector.videos().get(0);
    }

    @Test
    void theMovingSquareIsAMovingObjectAndTheStillOneTheModelsSign() {
        assertThat(analysed.trackLabels()).contains("moving-object", "sign");
        assertThat(analysed.sceneStartS()).hasSize(2);
        assertThat(analysed.sceneStartS()[1]).isCloseTo(TwoSquares.CUT_S, within(0.05));
        double[] box = new double[4];
        int moving = trackOf("moving-object");
        assertThat(new TrackTimeline(analysed, moving, 1.0).boxAt(1.5, box)).isTrue();
        assertThat(box[0] + box[2] / 2).isCloseTo(TwoSquares.movingX(1.5) + TwoSquares.SIDE / 2.0, within(12.0));
        assertThat(box[1] + box[3] / 2).isCloseTo(TwoSquares.movingY() + TwoSquares.SIDE / 2.0, within(12.0));
        assertThat(box[2]).isBetween(TwoSquares.SIDE * 0.7, TwoSquares.SIDE * 1.6);
    }

    private static int trackOf(String label) {
        List<Integer> found = new java.util.ArrayList<>();
        for (int k = 0; k < analysed.tracks(); k++) {
            if (analysed.trackLabels()[k].equals(label)) {
                found.add(k);
            }
        }
        // the moving square may be picked up again after the cut: take its longest track
        return found.stream().max(java.util.Comparator.comparingInt(k -> analysed.trackFirstBox()[k + 1] - analysed.trackFirstBox()[k]))
                .orElseThrow();
    }

    static GazeSettings gaze(ScreenGeometry screen) {
        return new GazeSettings(screen, 0, ColumnMapping.AUTO, CleaningSettings.DEFAULTS, new AdaptiveDetector(), List.of(), 30);
    }

    /** Analyses a recording dropped at {@code relative} and returns its viewings. */
    static List<Viewing> viewings(String relative, String text, ScreenGeometry screen) throws Exception {
        Path file = dir.resolve("in").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        MediaObject object = new ObjectInspector(STORE).inspect(LocalPaths.toUri(file));
        CollectedRows rows = new CollectedRows();
        AnalyzeGaze.GazeOutcomes.analyze(STORE, object, gaze(screen), rows);
        assertThat(rows.of(GazeTables.STIMULI)).as(relative).isNotEmpty();
        ViewingCollector collector = new ViewingCollector();
        rows.replay(collector);
        return collector.viewings();
    }

    static CollectedRows join(Viewing viewing, StimulusVideo on) {
        CollectedRows rows = new CollectedRows();
        GazeOnVideo.join(viewing, on, JoinSettings.DEFAULTS, rows);
        return rows;
    }

    static StimulusVideo under(String key) {
        return analysed.under(key);
    }

    /** The planted attention: the pursuit on the moving square, the fixation on the still one, in time and dwell. */
    static void assertPlanted(String format, CollectedRows rows) {
        Map<String, AttentionRows.TrackAttention> byLabel = rows.of(AttentionTables.TRACK_ATTENTION).stream()
                .collect(Collectors.toMap(AttentionRows.TrackAttention::label, t -> t, (a, b) -> a.dwellMs() >= b.dwellMs() ? a : b));
        AttentionRows.TrackAttention moving = byLabel.get("moving-object");
        AttentionRows.TrackAttention still = byLabel.get("sign");
        assertThat(moving).as(format).isNotNull();
        assertThat(still).as(format).isNotNull();
        double pursuitMs = (TwoSquares.PURSUIT_END_S - TwoSquares.PURSUIT_START_S) * 1000;
        double stillMs = (TwoSquares.STILL_END_S - TwoSquares.STILL_START_S) * 1000;
        assertThat(moving.dwellMs()).as(format + " dwell on the moving square").isCloseTo(pursuitMs, within(0.25 * pursuitMs));
        assertThat(still.dwellMs()).as(format + " dwell on the still square").isCloseTo(stillMs, within(0.2 * stillMs));
        assertThat(moving.pursuitCount()).as(format + " pursuits of the moving square").isGreaterThanOrEqualTo(1);
        assertThat(still.fixationCount()).as(format + " fixations of the still square").isGreaterThanOrEqualTo(1);
        List<AttentionRows.Hit> hits = rows.of(AttentionTables.OBJECT_HITS);
        double firstOnMoving = hits.stream().filter(h -> h.label().equals("moving-object")).mapToDouble(AttentionRows.Hit::startTimeS).min().orElseThrow();
        double firstOnStill = hits.stream().filter(h -> h.label().equals("sign")).mapToDouble(AttentionRows.Hit::startTimeS).min().orElseThrow();
        assertThat(firstOnMoving).as(format + " first look at the moving square").isCloseTo(TwoSquares.PURSUIT_START_S, within(0.25));
        assertThat(firstOnStill).as(format + " first look at the still square").isCloseTo(TwoSquares.STILL_START_S, within(0.25));
        // time to first fixation counts from the first moment the track is on the screen: its first
        // box, held for half the 0.2 s step between analysed frames, but not before the video starts
        double stillFirstSeen = Math.max(0, analysed.boxTimeS()[analysed.trackFirstBox()[trackOf("sign")]] - 0.1);
        assertThat(still.timeToFirstFixationMs()).as(format + " time to first fixation of the still square")
                .isCloseTo((firstOnStill - stillFirstSeen) * 1000, within(1.0));
        assertThat(hits).as(format + " the background is no object").noneMatch(h -> h.startTimeS() > TwoSquares.STILL_END_S + 0.3);
        List<AttentionRows.SceneAttention> scenes = rows.of(AttentionTables.SCENE_ATTENTION);
        assertThat(scenes).as(format).hasSize(2);
        assertThat(scenes.get(0).dwellOnObjectsMs()).as(format + " scene 1 on objects")
                .isCloseTo(pursuitMs + (TwoSquares.CUT_S - TwoSquares.STILL_START_S) * 1000, within(500.0));
        assertThat(scenes.get(1).dwellElsewhereMs()).as(format + " scene 2 elsewhere")
                .isCloseTo((TwoSquares.DURATION_S - TwoSquares.STILL_END_S) * 1000, within(400.0));
    }

    @Test
    void tobiiProLabNamesTheMediaAndWhereItWasDrawn() throws Exception {
        TwoSquares.Screen screen = new TwoSquares.Screen(320, 180, 1280, 720, 10_500);
        List<Viewing> viewings = viewings("tobii.tsv", TwoSquares.tobii(screen, "P01", "two-squares.mp4"),
                new ScreenGeometry(1920, 1080, 531, 299, 650));
        assertThat(viewings).singleElement().satisfies(v -> {
            assertThat(v.key()).isEqualTo("uri:" + video.uri());
            assertThat(v.screenRect()).containsExactly(320, 180, 1280, 720);
        });
        assertPlanted("tobii", join(viewings.get(0), under(viewings.get(0).key())));
    }

    @Test
    void eyeLinkFrameMessagesGiveTheVideoClock() throws Exception {
        TwoSquares.Screen screen = new TwoSquares.Screen(0, 152, 1280, 720, 2_000_000);
        List<Viewing> viewings = viewings("eyelink.asc", TwoSquares.eyeLink(screen, "two-squares.mp4"),
                new ScreenGeometry(1280, 1024, 400, 320, 600));
        assertThat(viewings).singleElement().satisfies(v -> {
            assertThat(v.key()).isEqualTo("uri:" + video.uri());
            assertThat(v.frameAnchors()).isNotNull();
        });
        assertPlanted("eyelink", join(viewings.get(0), under(viewings.get(0).key())));
    }

    @Test
    void pupilLabsGazeIsOnItsWorldVideo() throws Exception {
        Path world = dir.resolve("in/pupil/world.mp4");
        Files.createDirectories(world.getParent());
        Files.copy(dir.resolve("in/two-squares.mp4"), world);
        List<Viewing> viewings = viewings("pupil/gaze_positions.csv", TwoSquares.pupil(),
                new ScreenGeometry(TwoSquares.WIDTH, TwoSquares.HEIGHT, 400, 225, 600));
        assertThat(viewings).singleElement().satisfies(v -> assertThat(v.key()).isEqualTo("uri:" + LocalPaths.toUri(world)));
        assertPlanted("pupil", join(viewings.get(0), under(viewings.get(0).key())));
    }

    @Test
    void aManifestBesideAPlainRecordingNamesTheVideoByItsContent() throws Exception {
        Path lab = dir.resolve("in/lab");
        Files.createDirectories(lab);
        Files.writeString(lab.resolve("stimuli.yaml"), """
                squares:
                  recording: "p4*"
                  video-sha256: %s
                  rect: 160 60 960 540
                  offset: 1.5s
                """.formatted(video.sha256()));
        TwoSquares.Screen screen = new TwoSquares.Screen(160, 60, 960, 540, 1500);
        List<Viewing> viewings = viewings("lab/p4-session1.csv", TwoSquares.plainCsv(screen), new ScreenGeometry(1280, 720, 531, 299, 650));
        assertThat(viewings).singleElement().satisfies(v -> assertThat(v.key()).isEqualTo("sha256:" + video.sha256()));
        assertPlanted("manifest", join(viewings.get(0), under(viewings.get(0).key())));
    }

    // The join as the job runs it: keyed co-process operator, state, timers, restore.

    private static KeyedTwoInputStreamOperatorTestHarness<String, Viewing, StimulusVideo, String> harness(JoinSettings settings)
            throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new GazeVideoJoin(settings)), Viewing::key,
                StimulusVideo::key, Types.STRING);
    }

    /** The rows a harness wrote into a table, as text, sorted (the order of rows within a table is no part of the result). */
    private static List<String> rows(KeyedTwoInputStreamOperatorTestHarness<String, Viewing, StimulusVideo, String> h,
            dev.sightline.sink.TableDefinition<?> table) {
        var out = h.getSideOutput(table.output());
        return out == null ? List.of() : out.stream().map(r -> r.getValue().toString()).sorted().toList();
    }

    private static List<Viewing> twoViewers() throws Exception {
        List<Viewing> a = viewings("tobii-p02.tsv", TwoSquares.tobii(new TwoSquares.Screen(320, 180, 1280, 720, 20_000), "P02",
                "two-squares.mp4"), new ScreenGeometry(1920, 1080, 531, 299, 650));
        List<Viewing> b = viewings("eyelink-p03.asc", TwoSquares.eyeLink(new TwoSquares.Screen(0, 152, 1280, 720, 900_000),
                "two-squares.mp4"), new ScreenGeometry(1280, 1024, 400, 320, 600));
        assertThat(a.get(0).key()).isEqualTo(b.get(0).key()).isEqualTo("uri:" + video.uri());
        return List.of(a.get(0), b.get(0));
    }

    @Test
    void eitherSideMayComeFirstAndTheResultIsTheSame() throws Exception {
        List<Viewing> viewers = twoViewers();
        StimulusVideo v = under(viewers.get(0).key());
        List<List<String>> results = new java.util.ArrayList<>();
        for (boolean videoFirst : new boolean[] {false, true}) {
            try (var h = harness(JoinSettings.DEFAULTS)) {
                h.open();
                if (videoFirst) {
                    h.processElement2(new StreamRecord<>(v));
                }
                h.processElement1(new StreamRecord<>(viewers.get(0)));
                h.processElement1(new StreamRecord<>(viewers.get(1)));
                if (!videoFirst) {
                    h.processElement2(new StreamRecord<>(v));
                }
                assertThat(h.extractOutputValues()).containsExactlyInAnyOrder(viewers.get(0).id(), viewers.get(1).id());
                List<String> all = new java.util.ArrayList<>();
                for (var table : List.of(AttentionTables.OBJECT_HITS, AttentionTables.TRACK_ATTENTION, AttentionTables.SCENE_ATTENTION)) {
                    all.addAll(rows(h, table));
                }
                // the last revision of the video's attention: both viewers
                all.addAll(rows(h, AttentionTables.VIDEO_ATTENTION).stream().filter(r -> r.contains(",2,")).toList());
                assertThat(rows(h, AttentionTables.TRACK_ATTENTION)).hasSizeGreaterThanOrEqualTo(4);
                assertThat(rows(h, AttentionTables.VIDEO_ATTENTION)).isNotEmpty();
                results.add(all);
            }
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
    }

    @Test
    void aRecordingWhoseVideoNeverComesBecomesADeadLetter() throws Exception {
        JoinSettings shortWait = new JoinSettings(1, 20, 0.5, 1, 200, java.time.Duration.ofMinutes(10), java.time.Duration.ofDays(1));
        Viewing viewing = twoViewers().get(0);
        try (var h = harness(shortWait)) {
            h.setProcessingTime(1_000);
            h.open();
            h.processElement1(new StreamRecord<>(viewing));
            h.setProcessingTime(1_000 + java.time.Duration.ofMinutes(9).toMillis());
            assertThat(rows(h, dev.sightline.sink.LedgerTables.DEAD_LETTERS)).isEmpty();
            h.setProcessingTime(1_000 + java.time.Duration.ofMinutes(10).toMillis());
            RowColumns letters = new RowColumns(dev.sightline.sink.LedgerTables.DEAD_LETTERS);
            var out = h.getSideOutput(dev.sightline.sink.LedgerTables.DEAD_LETTERS.output());
            assertThat(out).singleElement().satisfies(r -> {
                assertThat(letters.str(r.getValue(), "error_class")).isEqualTo(GazeVideoJoin.NOT_FOUND);
                assertThat(letters.str(r.getValue(), "uri")).isEqualTo(viewing.uri());
                assertThat(letters.str(r.getValue(), "message")).contains("gaze.video.recording-wait");
            });
            // the video coming later joins nothing: the recording is given up
            h.processElement2(new StreamRecord<>(under(viewing.key())));
            assertThat(h.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void aRestoreInBetweenLosesNothingAndRepeatsNothing() throws Exception {
        List<Viewing> viewers = twoViewers();
        StimulusVideo v = under(viewers.get(0).key());
        List<String> uninterrupted;
        try (var h = harness(JoinSettings.DEFAULTS)) {
            h.open();
            h.processElement1(new StreamRecord<>(viewers.get(0)));
            h.processElement2(new StreamRecord<>(v));
            h.processElement1(new StreamRecord<>(viewers.get(1)));
            uninterrupted = rows(h, AttentionTables.TRACK_ATTENTION);
        }
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot;
        List<String> before;
        try (var h = harness(JoinSettings.DEFAULTS)) {
            h.open();
            h.processElement1(new StreamRecord<>(viewers.get(0)));
            snapshot = h.snapshot(1, 1);
            before = rows(h, AttentionTables.TRACK_ATTENTION);
        }
        assertThat(before).isEmpty(); // still waiting for the video
        try (var restored = harness(JoinSettings.DEFAULTS)) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement2(new StreamRecord<>(v));
            restored.processElement1(new StreamRecord<>(viewers.get(1)));
            restored.processElement1(new StreamRecord<>(viewers.get(0))); // a replay of the first: already held
            assertThat(restored.extractOutputValues()).containsExactly(viewers.get(0).id(), viewers.get(1).id());
            assertThat(rows(restored, AttentionTables.TRACK_ATTENTION)).isEqualTo(uninterrupted);
        }
    }
}
