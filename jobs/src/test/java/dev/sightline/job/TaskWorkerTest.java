package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.config.OffloadConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.offload.OffloadSettings;
import dev.sightline.offload.QueueProfile;
import dev.sightline.offload.TaskDocument;
import dev.sightline.offload.TaskFiles;
import dev.sightline.offload.WorkerExit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker on its own: a task's result and marker, the same rows on a re-run, exit codes and
 * written reasons for bad input, an unusable task and a worker of another build.
 */
class TaskWorkerTest {

    private static final Set<String> TIMING = Set.of("received_at", "processed_at", "processing_s", "occurred_at", "run");

    @TempDir
    Path dir;

    private final LocalObjectStore store = new LocalObjectStore();
    private final ObjectMapper json = new ObjectMapper();

    private TaskFiles write(Path file, Map<String, String> settings) throws Exception {
        SightlineConfig config = SightlineConfig.of(settings);
        OffloadSettings offload = OffloadConfig.settings(config);
        MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(file));
        var task = offload.task(object, QueueProfile.DEFAULT);
        store.put(task.files().task(), TaskDocument.of(task, offload.workerSettings()).toBytes(), "application/json");
        return task.files();
    }

    private static String read(String uri) {
        try {
            return Files.readString(LocalPaths.toPath(uri));
        } catch (java.io.IOException e) {
            return "no " + uri;
        }
    }

    private JsonNode timeless(Path result) throws Exception {
        var document = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Files.readAllBytes(result));
        strip(document);
        return document;
    }

    private static void strip(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove(TIMING);
            object.forEach(TaskWorkerTest::strip);
        } else if (node.isArray()) {
            node.forEach(TaskWorkerTest::strip);
        }
    }

    @Test
    void aTaskWritesItsResultThenItsMarkerAndARerunWritesTheSameRows() throws Exception {
        Path csv = dir.resolve("viewer.csv");
        dev.sightline.demo.SampleGaze.write(csv, 3.0, 250, 1920, 1080, 3);
        TaskFiles files = write(csv, Map.of("data-dir", dir.toString(), "gaze.aoi.left", "rect 0 0 960 1080"));
        TaskWorker worker = new TaskWorker(Map.of(), store);

        assertThat(worker.run(files.task())).isEqualTo(WorkerExit.DONE);
        Path result = LocalPaths.toPath(files.result());
        JsonNode first = timeless(result);
        assertThat(first.at("/outcome/status").asText()).isEqualTo("done");
        assertThat(first.get("gaze_fixations")).isNotEmpty();
        assertThat(first.get("gaze_aoi_metrics")).hasSize(1);
        assertThat(LocalPaths.toPath(files.marker())).exists();
        assertThat(json.readTree(Files.readAllBytes(result)).at("/run/task_id").asText()).startsWith("gaze-");

        assertThat(worker.run(files.task())).isEqualTo(WorkerExit.DONE);
        assertThat(timeless(result)).isEqualTo(first);
    }

    @Test
    void badInputIsAnalysedAsBadExitCodeThree() throws Exception {
        Path whole = dir.resolve("whole.mp4");
        dev.sightline.demo.SampleVideo.write(whole, 64, 48, List.of(20), 40);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2)); // an MP4 without its index
        TaskFiles files = write(truncated, Map.of("data-dir", dir.toString()));
        int code = new TaskWorker(Map.of(), store).run(files.task());
        assertThat(code).as(() -> read(files.failure())).isEqualTo(WorkerExit.BAD_INPUT);
        JsonNode result = json.readTree(Files.readAllBytes(LocalPaths.toPath(files.result())));
        assertThat(result.at("/outcome/status").asText()).isEqualTo("failed");
        assertThat(result.get("dead_letters")).isNotEmpty();
        assertThat(LocalPaths.toPath(files.marker())).exists();
    }

    @Test
    void anUnusableTaskOrAnotherBuildsFingerprintIsExitCodeTwoWithAReason() throws Exception {
        TaskWorker worker = new TaskWorker(Map.of(), store);
        Path folder = Files.createDirectories(dir.resolve("offload/gaze-0"));
        Files.writeString(folder.resolve("task.json"), "{\"format\": 99}");
        assertThat(worker.run(LocalPaths.toUri(folder.resolve("task.json")))).isEqualTo(WorkerExit.BAD_TASK);
        assertThat(Files.readString(folder.resolve("failure.json"))).contains("BadTask", "format 99");

        Path csv = dir.resolve("viewer.csv");
        dev.sightline.demo.SampleGaze.write(csv, 1.0, 250, 1920, 1080, 1);
        TaskFiles files = write(csv, Map.of("data-dir", dir.toString()));
        Path task = LocalPaths.toPath(files.task());
        String document = Files.readString(task);
        String fingerprint = json.readTree(document).path("fingerprint").asText();
        Files.writeString(task, document.replace(fingerprint, "0000000000000000"));
        assertThat(worker.run(files.task())).isEqualTo(WorkerExit.BAD_TASK);
        assertThat(Files.readString(LocalPaths.toPath(files.failure()))).contains("BadTaskSettings", "fingerprint 0000000000000000");
        assertThat(LocalPaths.toPath(files.marker())).doesNotExist();

        assertThat(worker.run(LocalPaths.toUri(dir.resolve("offload/none/task.json")))).as("no task document").isEqualTo(WorkerExit.BAD_TASK);
    }
}
