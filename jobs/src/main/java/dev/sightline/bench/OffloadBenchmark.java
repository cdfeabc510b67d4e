package dev.sightline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.demo.SampleVideo;
import dev.sightline.job.LocalCluster;
import dev.sightline.job.SightlineJob;
import dev.sightline.offload.TaskFiles;
import dev.sightline.sink.IcebergWarehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Offload's cost in one run beside its peer: the embedded job takes {@code videos} short videos
 * dropped into its inbox at once, analysed in the task (the branches) and through
 * {@code local-process} with 1 and 2 workers, and the clock stops when all are committed. Besides
 * objects/s it reports what a task adds: submit to the worker starting its analysis, and the
 * worker's result to the committed row (next to the in-task path's outcome to committed row, the
 * same checkpoint wait). One warm-up video first, so worker processes and models are loaded.
 */
public final class OffloadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to run. */
    public record Settings(int videos, double seconds, Duration checkpointInterval, List<Integer> workers) {}

    /**
     * One run's figures: seconds a task waited for a free worker, from a free worker to its
     * analysis starting, from its result to its committed row, and the in-task path's outcome to
     * committed row.
     */
    record Run(String mode, int workers, int objects, double seconds, List<Double> queued, List<Double> dispatch,
            List<Double> resultToCommit, List<Double> outcomeToCommit) {

        double objectsPerSecond() {
            return objects / seconds;
        }
    }

    private OffloadBenchmark() {}

    public static void run(PrintWriter out, Path work, Settings settings) throws Exception {
        Path staging = Files.createDirectories(work.resolve("staging"));
        List<Path> videos = new ArrayList<>();
        int frames = (int) Math.round(settings.seconds() * SampleVideo.FPS);
        int warmUps = Math.max(1, settings.workers().stream().mapToInt(Integer::intValue).max().orElse(1));
        for (int i = 0; i < settings.videos() + warmUps; i++) { // the first ones warm up (a video per worker)
            Path video = staging.resolve(String.format("clip-%02d.mp4", i));
            SampleVideo.write(video, 640, 360, List.of(frames / 3, 2 * frames / 3), frames);
            videos.add(video);
        }
        out.printf("%d videos of %.0f s (640x360, 25 fps, 2 cuts), people and faces at 1 analysed frame/s; parallelism 2,"
                + " checkpoint every %d ms; %d cores; %d warm-up video(s) first%n%n", settings.videos(), settings.seconds(),
                settings.checkpointInterval().toMillis(), Runtime.getRuntime().availableProcessors(), warmUps);
        out.printf("%-14s %7s %7s %9s %10s %18s %18s %19s %19s%n", "backend", "workers", "videos", "seconds", "objects/s",
                "queued p50/max", "dispatch p50/max", "result->row p50/max", "outcome->row p50/max");
        List<Run> runs = new ArrayList<>();
        runs.add(run(work, videos, warmUps, settings, "in-task", 0));
        for (int workers : settings.workers()) {
            runs.add(run(work, videos, warmUps, settings, "local-process", workers));
        }
        for (Run r : runs) {
            out.printf("%-14s %7s %7d %9.2f %10.2f %18s %18s %19s %19s%n", r.mode(), r.workers() == 0 ? "-" : r.workers(), r.objects(),
                    r.seconds(), r.objectsPerSecond(), spread(r.queued()), spread(r.dispatch()), spread(r.resultToCommit()),
                    spread(r.outcomeToCommit()));
        }
        out.printf("%nqueued: submitted to a worker free (all busy: the backlog, not overhead); dispatch: a worker free to its analysis"
                + " starting; result->row: the worker's result written to the ledger row committed (the offloader's poll, then the"
                + " wait for the next checkpoint's commit); outcome->row: an object's outcome to its committed row, the commit wait"
                + " every path has (an offloaded object's outcome is its worker's result).%n");
        out.flush();
    }

    private static Run run(Path work, List<Path> videos, int warmUps, Settings settings, String backend, int workers) throws Exception {
        Path data = Files.createDirectories(work.resolve(backend + "-" + workers));
        Map<String, String> values = new HashMap<>(Map.of(
                ConfigKeys.DATA_DIR.name(), data.toString(),
                ConfigKeys.CHECKPOINT_INTERVAL.name(), settings.checkpointInterval().toMillis() + "ms",
                ConfigKeys.INBOX_SCAN_INTERVAL.name(), "100ms",
                ConfigKeys.WEB_UI_PORT.name(), "0",
                ConfigKeys.VIDEO_DETECTION_FPS.name(), "1",
                ConfigKeys.OFFLOAD_BACKEND.name(), backend));
        if (workers > 0) {
            values.put(ConfigKeys.OFFLOAD_LOCAL_WORKERS.name(), String.valueOf(workers));
        }
        SightlineConfig config = SightlineConfig.of(values);
        Path inbox = config.get(ConfigKeys.INBOX_PATH);
        try (LocalCluster cluster = LocalCluster.start(config);
                IcebergWarehouse warehouse = new IcebergWarehouse(SightlineJob.catalog(config))) {
            List<String> warm = new ArrayList<>();
            for (int i = 0; i < warmUps; i++) { // together, so every worker gets one
                warm.add(drop(videos.get(i), inbox, "warm-up-" + i + ".mp4"));
            }
            GazePipelineBenchmark.awaitCommitted(warehouse, warm, Duration.ofMinutes(5));
            long start = System.nanoTime();
            List<String> uris = new ArrayList<>();
            for (Path video : videos.subList(warmUps, videos.size())) {
                uris.add(drop(video, inbox, video.getFileName().toString()));
            }
            GazePipelineBenchmark.awaitCommitted(warehouse, uris, Duration.ofMinutes(20));
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Instant> committed = commitTimes(warehouse.table("media_objects"));
            List<Double> queued = new ArrayList<>();
            List<Double> dispatch = new ArrayList<>();
            List<Double> resultToCommit = new ArrayList<>();
            List<Double> outcomeToCommit = new ArrayList<>();
            String root = config.get(ConfigKeys.OFFLOAD_PATH);
            for (Record ledger : warehouse.readAll("media_objects")) {
                String uri = (String) ledger.getField("uri");
                if (uris.contains(uri)) {
                    outcomeToCommit.add(between(instant(ledger.getField("processed_at")), committed.get(uri)));
                }
            }
            for (Record run : warehouse.readAll("compute_runs")) {
                String uri = (String) run.getField("uri");
                if (!uris.contains(uri) || run.getField("job_id") == null) {
                    continue;
                }
                JsonNode worker = JSON.readTree(Files.readAllBytes(LocalPaths.toPath(
                        TaskFiles.of(root, (String) run.getField("task_id")).result()))).path("run");
                Instant free = instant(run.getField("started_at")); // the pool's slot took the task
                queued.add(between(instant(run.getField("submitted_at")), free));
                dispatch.add(between(free, Instant.parse(worker.path("started_at").asText())));
                resultToCommit.add(between(Instant.parse(worker.path("finished_at").asText()), committed.get(uri)));
            }
            return new Run(backend, workers, uris.size(), seconds, queued, dispatch, resultToCommit, outcomeToCommit);
        }
    }

    /** When each URI's ledger row was committed: the time of the first snapshot that holds it. */
    private static Map<String, Instant> commitTimes(Table table) throws IOException {
        List<Snapshot> snapshots = new ArrayList<>();
        table.snapshots().forEach(snapshots::add);
        snapshots.sort((a, b) -> Long.compare(a.sequenceNumber(), b.sequenceNumber()));
        Map<String, Instant> first = new HashMap<>();
        for (Snapshot snapshot : snapshots) {
            try (CloseableIterable<Record> rows = IcebergGenerics.read(table).useSnapshot(snapshot.snapshotId()).build()) {
                for (Record row : rows) {
                    first.putIfAbsent((String) row.getField("uri"), Instant.ofEpochMilli(snapshot.timestampMillis()));
                }
            }
        }
        return first;
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime t ? t.toInstant() : (Instant) value;
    }

    private static double between(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static String spread(List<Double> values) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%.2f / %.2f s", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    private static String drop(Path video, Path inbox, String name) throws IOException {
        Files.createDirectories(inbox);
        Path hidden = inbox.resolve("." + name);
        Files.copy(video, hidden, StandardCopyOption.REPLACE_EXISTING);
        Path target = inbox.resolve(name);
        Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
        return LocalPaths.toUri(target);
    }
}
