package dev.sightline.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.ingest.SharedData;
import dev.sightline.ingest.TestCluster;
import dev.sightline.sink.CollectedRows;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.RowJson;
import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableStreams;
import dev.sightline.sink.TableWriter;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.iceberg.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The video branch on a MiniCluster, frames analysed through the async operator: with the CPU
 * analyzer the rows equal the in-thread analysis; with slow analyzers that fail now and then
 * (retries, backpressure from a small capacity) every batch is analysed exactly once and the rows
 * are the same; a batch that always fails or hangs makes its video partial, with a dead letter,
 * and loses nothing else.
 */
class VideoBranchAsyncTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

    private static final DetectionSettings ONE_PER_SECOND = new DetectionSettings(1, 1152, true, false, 0.3, 3, 1, 0.3);

    @TempDir
    Path temp;

    /** What one run of the branch wrote: rows as text (processing time left out), outcomes, dead letters. */
    record Written(List<String> rows, List<ObjectOutcome> outcomes, List<JsonNode> deadLetters) {}

    /** Rows and outcomes as one stream, so one job collects them all. */
    record Item(String table, String row, ObjectOutcome outcome) implements Serializable {}

    private VideoSettings settings(DetectionSettings detection, FrameAnalysisSettings analysis) {
        return new VideoSettings(256, SceneSettings.DEFAULTS, detection, LocalPaths.toUri(temp.resolve("processed")), analysis);
    }

    private static FrameAnalysisSettings analysis(int inFlight, int threads, Duration timeout, int attempts) {
        return new FrameAnalysisSettings(AnalysisDevice.CPU, 16, inFlight, threads, timeout, attempts, Duration.ofMillis(10),
                Duration.ofMillis(40));
    }

    private Written run(VideoBranch branch, List<MediaObject> objects) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<DataStream<Item>> streams = new ArrayList<>();
        TableWriter tables = (rows, table) -> {
            String name = table.name();
            Schema schema = table.schema();
            streams.add(rows.map(r -> new Item(name, RowJson.toJson(r, schema).toString(), null)).returns(TypeInformation.of(Item.class)));
        };
        DataStream<MediaObject> input = env.fromData(objects.toArray(MediaObject[]::new)).returns(TypeInformation.of(MediaObject.class));
        TableStreams branchTables = new TableStreams();
        streams.add(branch.attach(input, branchTables).map(o -> new Item(null, null, o)).returns(TypeInformation.of(Item.class)));
        branchTables.writeTo(tables);
        DataStream<Item> all = streams.get(0);
        for (DataStream<Item> s : streams.subList(1, streams.size())) {
            all = all.union(s);
        }
        List<String> rows = new ArrayList<>();
        List<ObjectOutcome> outcomes = new ArrayList<>();
        List<JsonNode> letters = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (CloseableIterator<Item> items = all.executeAndCollect("video branch")) {
            while (items.hasNext()) {
                Item i = items.next();
                if (i.outcome() != null) {
                    outcomes.add(i.outcome());
                } else if (i.table().equals(LedgerTables.DEAD_LETTERS.name())) {
                    letters.add(json.readTree(i.row()));
                } else {
                    rows.add(comparable(i.table(), (ObjectNode) json.readTree(i.row())));
                }
            }
        }
        rows.sort(null);
        return new Written(rows, outcomes, letters);
    }

    /** A row as text, without the processing time (the one value that differs between runs). */
    private static String comparable(String table, ObjectNode row) {
        row.remove("processing_s");
        return table + " " + row;
    }

    /** The same rows from the in-thread analysis, as text. */
    private static List<String> inThread(MediaObject object, VideoSettings settings) {
        List<String> rows = new ArrayList<>();
        CollectedRows collected = new CollectedRows();
        VideoAnalysis.analyze(new LocalObjectStore(), object, settings, collected);
        for (TableDefinition<?> table : VideoTables.ALL) {
            rows.addAll(asText(table, collected));
        }
        rows.sort(null);
        return rows;
    }

    private static <T> List<String> asText(TableDefinition<T> table, CollectedRows collected) {
        return collected.of(table).stream()
                .map(r -> comparable(table.name(), RowJson.toJson(table.rowMapper().toRow(r), table.schema())))
                .toList();
    }

    private static MediaObject object(Path file) throws Exception {
        return new ObjectInspector(new LocalObjectStore()).inspect(LocalPaths.toUri(file));
    }

    @Test
    void cpuAnalyzerThroughTheAsyncOperatorWritesWhatTheInThreadAnalysisWrites() throws Exception {
        MediaObject video = object(SharedData.file("video/testvideo.mp4"));
        VideoSettings settings = settings(ONE_PER_SECOND, analysis(4, 2, Duration.ofMinutes(2), 3));
        Written written = run(new VideoBranch(LocalObjectStore::new, settings), List.of(video));
        assertThat(written.outcomes()).singleElement().extracting(ObjectOutcome::status).isEqualTo(ObjectStatus.DONE);
        assertThat(written.deadLetters()).isEmpty();
        assertThat(written.rows()).isEqualTo(inThread(video, settings));
        assertThat(written.rows()).filteredOn(r -> r.startsWith(VideoTables.SCENES.name())).hasSize(4);
        assertThat(written.rows()).filteredOn(r -> r.startsWith(VideoTables.DETECTIONS.name())).isNotEmpty();
    }

    @Test
    void slowAndFailingAnalyzersLoseAndDoubleNothing() throws Exception {
        MediaObject video = object(SharedData.file("video/testvideo.mp4"));
        Path markers = Files.createDirectories(temp.resolve("markers"));
        // Capacity 2 with 40 ms a batch keeps the decoder waiting (backpressure); every third
        // batch fails its first try and is retried after a backoff.
        VideoSettings settings = settings(ONE_PER_SECOND, analysis(2, 2, Duration.ofMinutes(2), 3));
        FlakyAnalyzers flaky = new FlakyAnalyzers(markers.toString(), 40, 3, Set.of(), Set.of(), ONE_PER_SECOND);
        Written written = run(new VideoBranch(LocalObjectStore::new, settings, flaky), List.of(video));

        assertThat(written.outcomes()).singleElement().extracting(ObjectOutcome::status).isEqualTo(ObjectStatus.DONE);
        assertThat(written.rows()).isEqualTo(inThread(video, settings(ONE_PER_SECOND, FrameAnalysisSettings.DEFAULTS)));
        int batches = (720 + 15) / 16;
        try (Stream<Path> files = Files.list(markers)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names.stream().filter(n -> n.contains(".done."))).as("one analysis per batch")
                    .hasSize(batches).allMatch(n -> n.endsWith(".done.0"));
            assertThat(names.stream().filter(n -> n.endsWith(".tried"))).as("batches retried").hasSize((batches + 2) / 3);
        }
    }

    @Test
    void aBatchThatAlwaysFailsOrHangsMakesItsVideoPartialAndTheJobGoesOn() throws Exception {
        MediaObject video = object(SharedData.file("video/testvideo.mp4"));
        Path markers = Files.createDirectories(temp.resolve("markers"));
        VideoSettings settings = settings(DetectionSettings.OFF, analysis(4, 2, Duration.ofSeconds(3), 2));
        FlakyAnalyzers flaky = new FlakyAnalyzers(markers.toString(), 0, 0, Set.of(5), Set.of(20), DetectionSettings.OFF);
        Written written = run(new VideoBranch(LocalObjectStore::new, settings, flaky), List.of(video));

        ObjectOutcome outcome = written.outcomes().get(0);
        assertThat(written.outcomes()).hasSize(1);
        assertThat(outcome.status()).isEqualTo(ObjectStatus.PARTIAL);
        assertThat(outcome.errorClass()).isEqualTo(VideoAssembly.ANALYSIS_FAILED);
        assertThat(outcome.error()).contains("frames 80-95 not analysed: failed 2 times", "analyzer unavailable for batch 5",
                "frames 320-335 not analysed: timed out after 3000 ms");
        assertThat(written.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.get("error_class").asText()).isEqualTo(VideoAssembly.ANALYSIS_FAILED);
            assertThat(d.get("uri").asText()).isEqualTo(video.uri());
        });
        // The cuts outside the failed batches are all found; the summary counts every frame.
        assertThat(written.rows()).filteredOn(r -> r.startsWith(VideoTables.SCENES.name())).hasSize(4);
        assertThat(written.rows()).filteredOn(r -> r.startsWith(VideoTables.SUMMARY.name())).singleElement()
                .asString().contains("\"frames_decoded\":720", "\"partial\":true");
    }
}
