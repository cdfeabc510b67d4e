package dev.sightline.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.cloud.ObjectNotFoundException;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.RoutingObjectStore;
import dev.sightline.config.AudioConfig;
import dev.sightline.config.ConfigException;
import dev.sightline.config.GazeConfig;
import dev.sightline.config.InputConfig;
import dev.sightline.config.OffloadConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.config.VideoConfig;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.offload.InTaskBackend;
import dev.sightline.offload.ResultDocument;
import dev.sightline.offload.TaskDocument;
import dev.sightline.offload.TaskFiles;
import dev.sightline.offload.WorkerExit;
import dev.sightline.sink.AnalysisResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one offloaded task ({@code sightline worker TASK-URI}, and the in-task fallback): reads the
 * task document, runs exactly the analysis of the in-task path with the task's settings (on this
 * machine's GPU when it has one), writes the result document and then the completion marker. On
 * failure it writes a reason and returns a non-zero {@link WorkerExit} code. Running a task again
 * writes the same rows again. Keeps its analysis (models) between tasks of the same settings.
 */
public final class TaskWorker implements InTaskBackend.TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, String> overrides;
    private final ObjectStore store;
    private Map<String, String> loaded;
    private OneShotAnalysis analysis;

    /**
     * @param overrides the worker's own settings (how to reach the store), applied over the task's
     * @param store reads the task and objects, writes results
     */
    public TaskWorker(Map<String, String> overrides, ObjectStore store) {
        this.overrides = Map.copyOf(overrides);
        this.store = store;
    }

    /** A worker with its own store, for the task manager's fallback runs. */
    public static InTaskBackend.RunnerFactory inTask(SightlineConfig config) {
        Map<String, String> connection = new TreeMap<>(config.explicitValues());
        connection.keySet().removeIf(k -> !k.startsWith("aws."));
        return () -> {
            SightlineConfig own = SightlineConfig.of(connection);
            ObjectStore store = new RoutingObjectStore(InputConfig.aws(own));
            TaskWorker worker = new TaskWorker(connection, store);
            return new InTaskBackend.TaskRunner() {
                @Override
                public int run(String taskUri) {
                    return worker.run(taskUri);
                }

                @Override
                public void close() throws Exception {
                    worker.closeAnalysis();
                    store.close();
                }
            };
        };
    }

    @Override
    public int run(String taskUri) {
        Instant started = Instant.now();
        TaskFiles files = new TaskFiles(taskUri.substring(0, taskUri.lastIndexOf('/') + 1));
        TaskDocument task;
        try {
            task = TaskDocument.parse(read(taskUri));
        } catch (ObjectNotFoundException e) {
            return fail(files, WorkerExit.BAD_TASK, "TaskNotFound", "no task document at " + taskUri);
        } catch (IOException e) {
            return fail(files, WorkerExit.FAILED, "TaskUnreadable", "cannot read " + taskUri + ": " + e);
        } catch (IllegalArgumentException e) {
            return fail(files, WorkerExit.BAD_TASK, "BadTask", taskUri + ": " + e.getMessage());
        }
        try {
            OneShotAnalysis analysis;
            try {
                analysis = analysis(task);
            } catch (ConfigException e) {
                return fail(task.files(), WorkerExit.BAD_TASK, "BadTaskSettings", e.getMessage());
            }
            AnalysisResult result = analysis.analyze(task.object());
            ObjectNode document = ResultDocument.of(result);
            ObjectNode run = document.putObject("run");
            run.put("task_id", task.taskId());
            run.put("fingerprint", task.fingerprint());
            run.put("worker_version", OffloadConfig.buildVersion());
            run.put("host", host());
            run.put("started_at", started.toString());
            run.put("finished_at", Instant.now().toString());
            store.put(task.files().result(), JSON.writeValueAsBytes(document), "application/json");
            ObjectNode marker = JSON.createObjectNode();
            marker.put("task_id", task.taskId());
            marker.put("status", result.outcome().status().label());
            marker.put("finished_at", Instant.now().toString());
            store.put(task.files().marker(), JSON.writeValueAsBytes(marker), "application/json");
            LOG.info("Task {} of {}: {}", task.taskId(), task.object().uri(), result.outcome().status().label());
            return result.outcome().status() == ObjectStatus.FAILED ? WorkerExit.BAD_INPUT : WorkerExit.DONE;
        } catch (Exception | LinkageError e) {
            LOG.warn("Task {} failed", task.taskId(), e);
            return fail(task.files(), WorkerExit.FAILED, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * The analysis of a task's settings. Its fingerprint is checked: a worker of another build, or
     * settings that do not match their fingerprint, would write other results than the job expects.
     */
    private OneShotAnalysis analysis(TaskDocument task) throws Exception {
        Map<String, String> settings = new TreeMap<>(task.settings());
        settings.putAll(overrides);
        if (analysis != null && settings.equals(loaded)) {
            return analysis;
        }
        SightlineConfig config = SightlineConfig.of(settings);
        String expected = OffloadConfig.fingerprints(config).get(task.object().mediaType());
        if (!expected.equals(task.fingerprint())) {
            throw new ConfigException("the task's settings fingerprint " + task.fingerprint() + " is not this worker's " + expected
                    + " (worker build " + OffloadConfig.buildVersion() + "): run the job's own build and image");
        }
        closeAnalysis();
        analysis = new OneShotAnalysis(store, GazeConfig.settings(config), VideoConfig.settings(config), AudioConfig.settings(config));
        loaded = settings;
        return analysis;
    }

    private int fail(TaskFiles files, int code, String errorClass, String reason) {
        LOG.warn("Task at {} failed: {}: {}", files.folder(), errorClass, reason);
        try {
            ObjectNode failure = JSON.createObjectNode();
            failure.put("error_class", errorClass);
            failure.put("reason", reason);
            failure.put("exit_code", code);
            failure.put("host", host());
            failure.put("at", Instant.now().toString());
            store.put(files.failure(), JSON.writeValueAsBytes(failure), "application/json");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot write the failure of {}: {}", files.folder(), e.toString());
        }
        return code;
    }

    private byte[] read(String uri) throws IOException {
        try (InputStream in = store.open(uri)) {
            return in.readAllBytes();
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Closes the analysis (its models). */
    public void closeAnalysis() throws Exception {
        if (analysis != null) {
            analysis.close();
            analysis = null;
            loaded = null;
        }
    }

    @Override
    public void close() throws Exception {
        closeAnalysis();
    }
}
