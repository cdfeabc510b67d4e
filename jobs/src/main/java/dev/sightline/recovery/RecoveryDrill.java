package dev.sightline.recovery;

import dev.sightline.bench.LoopbackServers;
import dev.sightline.bench.RestCatalogServer;
import dev.sightline.sink.IcebergCatalogSettings;
import dev.sightline.bench.S3Notifications;
import dev.sightline.cloud.ObjectMetadata;
import dev.sightline.cloud.S3ObjectStore;
import dev.sightline.cloud.S3Settings;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.demo.SampleAudio;
import dev.sightline.demo.SampleGaze;
import dev.sightline.demo.SampleVideo;
import dev.sightline.job.SightlineJob;
import dev.sightline.sink.IcebergWarehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.data.Record;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Runs the production job on a {@link FlinkProcessCluster} against loopback S3, SQS and ZooKeeper,
 * twice over the same objects: once without faults (the reference), once with a fault injected
 * while each batch of objects is in flight. Measures each fault's detection and recovery, and
 * compares every table of the two runs by checksum ({@link TableChecksums}).
 */
public final class RecoveryDrill implements AutoCloseable {

    /** What to feed and which faults to inject, in order. */
    public record Settings(int smallObjects, int videos, int audios, int gazeFiles, Duration checkpointInterval, List<Fault> faults) {}

    /**
     * The drill's result.
     *
     * @param differences tables whose rows differ from the reference run (empty: none)
     * @param queueLeft messages left on the faulty run's queue
     */
    public record Report(List<FaultOutcome> outcomes, Map<String, String> differences, long queueLeft, int objects, int tables,
            Duration referenceRun, Duration faultyRun) {}

    private static final String ENTRY_CLASS = "dev.sightline.cli.SightlineCommand";
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final Path workDir;
    private final Settings settings;
    private final PrintWriter log;
    private final LoopbackServers servers;
    private final FaultProxy s3Proxy;
    private final FaultProxy sqsProxy;
    private final S3ObjectStore store;
    private final SqsClient sqs;
    private final List<List<Announced>> batches = new ArrayList<>();
    private final Map<String, RestCatalogServer> catalogs = new HashMap<>();
    private final long createdAt = System.nanoTime();
    private FlinkProcessCluster cluster;
    private int jobManagers;
    private String jarId;
    private int taskManagers;

    private record Announced(String uri, String key, String version, long size) {}

    public RecoveryDrill(Path workDir, Settings settings, PrintWriter log) throws Exception {
        this.workDir = Files.createDirectories(workDir);
        this.settings = settings;
        this.log = log;
        this.servers = new LoopbackServers(true, true, true, "3g");
        this.s3Proxy = new FaultProxy("s3", servers.s3().endpoint());
        this.sqsProxy = new FaultProxy("sqs", servers.sqs().endpoint());
        this.store = new S3ObjectStore(servers.s3().s3());
        this.sqs = servers.sqs().sqs();
    }

    /** Runs the reference and the faulty run; the cluster's logs stay under the work folder. */
    public Report run() throws Exception {
        try (var s3 = servers.s3().s3()) {
            for (String bucket : List.of("raw", "lake", "state")) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        }
        upload();
        int objects = batches.stream().mapToInt(List::size).sum();
        cluster = new FlinkProcessCluster(workDir.resolve("cluster"), clusterSettings());
        cluster.startJobManager("jm-" + (++jobManagers));
        cluster.startTaskManager("tm-" + (++taskManagers));
        cluster.startTaskManager("tm-" + (++taskManagers));
        cluster.awaitTaskManagers(2, Duration.ofMinutes(2));
        say("cluster up: 1 JobManager, 2 TaskManagers of 1 slot (%s)", cluster.webUi());

        long start = System.nanoTime();
        Map<String, TableChecksums.Summary> reference = runReference();
        Duration referenceRun = Duration.ofNanos(System.nanoTime() - start);
        say("reference run: %d objects in %.1f s", objects, referenceRun.toMillis() / 1000.0);
        // The faulty run's JobManagers and TaskManagers start from the classes these loaded, as pods
        // of an image holding a training run's class-data sharing archive do.
        cluster.kill("tm-2"); // one TaskManager's archive is enough
        cluster.stopAndArchiveClasses("tm-1", "jm-1");
        jarId = null; // a jar uploaded to a JobManager is gone with it
        cluster.startJobManager("jm-" + (++jobManagers));
        cluster.startTaskManager("tm-" + (++taskManagers));
        cluster.startTaskManager("tm-" + (++taskManagers));
        cluster.awaitTaskManagers(2, Duration.ofMinutes(2));
        say("cluster restarted from class-data sharing archives of the reference run's JobManager and TaskManagers");

        start = System.nanoTime();
        List<FaultOutcome> outcomes = new ArrayList<>();
        String queue = createQueue("faulty-events");
        String jobId = submit("faulty", queue);
        try (IcebergWarehouse warehouse = warehouse("faulty")) {
            for (int k = 0; k < batches.size(); k++) {
                Fault fault = k < settings.faults().size() ? settings.faults().get(k) : null;
                if (fault == Fault.TASK_MANAGER_WARM) {
                    cluster.startTaskManager("tm-" + (++taskManagers));
                    cluster.awaitTaskManagers(cluster.pids().size() - liveJobManagers(), Duration.ofMinutes(2));
                    say("spare TaskManager tm-%d registered", taskManagers);
                }
                long before = rows(warehouse);
                announce(queue, batches.get(k));
                if (fault != null) {
                    awaitRowsAbove(warehouse, before);
                    outcomes.add(inject(fault, jobId, warehouse, batches.get(k)));
                }
                awaitCommitted(warehouse, upTo(k));
            }
            settle(jobId);
            Map<String, TableChecksums.Summary> faulty = TableChecksums.of(warehouse, new ArrayList<>(reference.keySet()));
            List<FaultOutcome> counted = count(warehouse, outcomes);
            cluster.rest().cancel(jobId);
            Duration faultyRun = Duration.ofNanos(System.nanoTime() - start);
            return new Report(counted, TableChecksums.differences(reference, faulty), queueDepth(queue), objects,
                    reference.size(), referenceRun, faultyRun);
        }
    }

    private int liveJobManagers() {
        return (int) cluster.pids().keySet().stream().filter(n -> n.startsWith("jm-")).count();
    }

    private Map<String, TableChecksums.Summary> runReference() throws Exception {
        String queue = createQueue("reference-events");
        String jobId = submit("reference", queue);
        try (IcebergWarehouse warehouse = warehouse("reference")) {
            for (List<Announced> batch : batches) {
                announce(queue, batch);
            }
            awaitCommitted(warehouse, upTo(batches.size() - 1));
            settle(jobId);
            Map<String, TableChecksums.Summary> sums = TableChecksums.of(warehouse, tableNames());
            cluster.rest().cancel(jobId);
            awaitGone(jobId);
            return sums;
        }
    }

    private FaultOutcome inject(Fault fault, String jobId, IcebergWarehouse warehouse, List<Announced> batch) throws Exception {
        JobWatch watch = new JobWatch(cluster.rest(), jobId);
        long faultStart = System.currentTimeMillis();
        switch (fault) {
            case TASK_MANAGER_COLD -> {
                String victim = busyTaskManager();
                cluster.kill(victim);
                cluster.startTaskManager("tm-" + (++taskManagers));
                say("killed %s, started tm-%d", victim, taskManagers);
            }
            case TASK_MANAGER_WARM -> {
                String victim = busyTaskManager();
                cluster.kill(victim);
                say("killed %s; the spare takes its place", victim);
            }
            case JOB_MANAGER -> {
                String victim = "jm-" + jobManagers;
                cluster.kill(victim);
                cluster.startJobManager("jm-" + (++jobManagers));
                say("killed %s, started jm-%d", victim, jobManagers);
            }
            case S3 -> {
                s3Proxy.set(FaultProxy.Mode.SLOW_DOWN);
                Thread.sleep(5_000);
                s3Proxy.set(FaultProxy.Mode.RESET);
                Thread.sleep(5_000);
                s3Proxy.set(FaultProxy.Mode.LATENCY, Duration.ofSeconds(3));
                Thread.sleep(9_000);
                s3Proxy.set(FaultProxy.Mode.PASS);
                say("S3: 5 s of 503 SlowDown, 5 s of connection resets, 9 s of 3 s latency");
            }
            case SQS -> {
                sqsProxy.set(FaultProxy.Mode.DOWN);
                Thread.sleep(12_000);
                sqsProxy.set(FaultProxy.Mode.PASS);
                say("SQS: 12 s unreachable");
            }
        }
        long faultEnd = System.currentTimeMillis();
        try {
            watch.awaitSettled(faultEnd, PATIENCE);
        } finally {
            watch.close();
        }
        long since = watch.restarted() ? watch.runningAgainAt() : faultEnd;
        long commitAt = awaitCommitAfter(warehouse, since);
        if (fault == Fault.TASK_MANAGER_WARM) {
            cluster.startTaskManager("tm-" + (++taskManagers)); // the next spare, once the job runs again
        }
        long detected = watch.restarted() ? Math.max(0, watch.leftRunningAt() - faultStart) : -1;
        long running = watch.restarted() ? Math.max(0, watch.runningAgainAt() - faultEnd) : 0;
        say("%s: detected %s, running again after %d ms, first commit after %d ms", fault.description(),
                detected < 0 ? "no restart" : "after " + detected + " ms", running, commitAt - faultEnd);
        return new FaultOutcome(fault, detected, running, commitAt - faultEnd, batch.size(), 0, 0);
    }

    /** A TaskManager that holds a slot of the job (every TaskManager but an idle spare). */
    private String busyTaskManager() {
        List<String> names = cluster.pids().keySet().stream().filter(n -> n.startsWith("tm-")).toList();
        // the spare is the newest; the oldest live one runs part of the job
        return names.get(0);
    }

    private List<FaultOutcome> count(IcebergWarehouse warehouse, List<FaultOutcome> outcomes) {
        Map<String, Integer> rows = new HashMap<>();
        for (Record row : warehouse.readAll("media_objects")) {
            rows.merge(row.getField("uri") + "@" + row.getField("version"), 1, Integer::sum);
        }
        List<FaultOutcome> counted = new ArrayList<>();
        for (int k = 0; k < outcomes.size(); k++) {
            int lost = 0;
            int doubled = 0;
            for (Announced a : batches.get(k)) {
                int n = rows.getOrDefault(a.uri() + "@" + a.version(), 0);
                lost += n == 0 ? 1 : 0;
                doubled += Math.max(0, n - 1);
            }
            FaultOutcome o = outcomes.get(k);
            counted.add(new FaultOutcome(o.fault(), o.detectedMs(), o.runningMs(), o.firstCommitMs(), o.objects(), lost, doubled));
        }
        return counted;
    }

    private void upload() throws Exception {
        Path files = Files.createDirectories(workDir.resolve("inputs"));
        int count = settings.faults().size() + 1;
        for (int k = 0; k < count; k++) {
            batches.add(new ArrayList<>());
        }
        List<byte[]> small = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Path f = files.resolve("small-" + i + ".csv");
            SampleGaze.write(f, 1.0, 250, 1920, 1080, 1000 + i);
            small.add(Files.readAllBytes(f));
        }
        for (int i = 0; i < settings.smallObjects(); i++) {
            add(i % count, "drill/small/viewer-" + i + ".csv", small.get(i % small.size()), "text/csv");
        }
        for (int i = 0; i < settings.videos(); i++) {
            Path f = files.resolve("clip-" + i + ".mp4");
            SampleVideo.write(f, 160, 120, List.of(12 + i, 30), 50);
            add(i % count, "drill/video/clip-" + i + ".mp4", Files.readAllBytes(f), "video/mp4");
        }
        for (int i = 0; i < settings.audios(); i++) {
            Path f = files.resolve("speech-" + i + ".wav");
            SampleAudio.write(f, 1.0 + i * 0.25);
            add((i + 1) % count, "drill/audio/speech-" + i + ".wav", Files.readAllBytes(f), "audio/wav");
        }
        for (int i = 0; i < settings.gazeFiles(); i++) {
            Path f = files.resolve("viewer-" + i + ".csv");
            SampleGaze.write(f, 20.0, 500, 1920, 1080, 7 + i);
            add((i + 2) % count, "drill/gaze/viewer-" + i + ".csv", Files.readAllBytes(f), "text/csv");
        }
    }

    private void add(int batch, String key, byte[] content, String type) throws IOException {
        String uri = "s3://raw/" + key;
        ObjectMetadata put = store.put(uri, content, type);
        batches.get(batch).add(new Announced(uri, key, put.version(), put.sizeBytes()));
    }

    private void announce(String queue, List<Announced> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (Announced a : batch) {
            entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(entries.size()))
                    .messageBody(S3Notifications.created("raw", a.key(), a.version(), a.size())).build());
            if (entries.size() == 10) {
                sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
                entries.clear();
            }
        }
        if (!entries.isEmpty()) {
            sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
        }
    }

    private List<Announced> upTo(int k) {
        List<Announced> all = new ArrayList<>();
        for (int i = 0; i <= k; i++) {
            all.addAll(batches.get(i));
        }
        return all;
    }

    private String submit(String run, String queue) throws Exception {
        if (jarId == null) {
            jarId = cluster.rest().uploadJar(launcherJar());
        }
        List<String> args = new ArrayList<>(List.of("run"));
        jobSettings(run, queue, s3Proxy.endpoint(), sqsProxy.endpoint()).forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        String jobId = cluster.rest().runJar(jarId, ENTRY_CLASS, args, 2);
        await("job " + run + " running", () -> {
            FlinkRest.JobState state = cluster.rest().job(jobId);
            return state != null && state.allTasksRunning();
        });
        say("job %s (%s) runs", run, jobId);
        return jobId;
    }

    /**
     * The jar submitted through the REST API: only a manifest, as the application jar is on every
     * process's class path (as in the job image), so a restart or a new TaskManager fetches no
     * 400 MB blob and native libraries load once per process.
     */
    private Path launcherJar() throws IOException {
        Path jar = workDir.resolve("sightline-launcher.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, ENTRY_CLASS);
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    /** The job's settings; {@code s3} and {@code sqsEndpoint} are the proxies for the job, the servers for the drill's reads. */
    private Map<String, String> jobSettings(String run, String queue, String s3, String sqsEndpoint) {
        S3Settings direct = servers.s3();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ConfigKeys.DATA_DIR.name(), workDir.resolve(run).toString());
        values.put(ConfigKeys.DEPLOYMENT_TARGET.name(), "cluster");
        values.put(ConfigKeys.JOB_NAME_KEY.name(), "sightline-" + run);
        values.put(ConfigKeys.INPUT_KIND.name(), "sqs");
        values.put(ConfigKeys.INPUT_QUEUE_URL.name(), queue);
        values.put(ConfigKeys.INPUT_SQS_WAIT.name(), "1s");
        values.put(ConfigKeys.INPUT_SQS_VISIBILITY.name(), "20s");
        values.put(ConfigKeys.AWS_ENDPOINT.name(), s3);
        values.put(ConfigKeys.AWS_SQS_ENDPOINT.name(), sqsEndpoint);
        values.put(ConfigKeys.AWS_PATH_STYLE.name(), "true");
        values.put(ConfigKeys.AWS_ACCESS_KEY.name(), direct.accessKey());
        values.put(ConfigKeys.AWS_SECRET_KEY.name(), direct.secretKey());
        values.put(ConfigKeys.CATALOG_KIND.name(), "rest");
        values.put(ConfigKeys.CATALOG_URI.name(), catalog(run).uri());
        values.put(ConfigKeys.WAREHOUSE_PATH.name(), "s3://lake/" + run + "/warehouse");
        values.put(ConfigKeys.PROCESSED_PATH.name(), "s3://lake/processed"); // keyframe URIs are results: the same for both runs
        values.put(ConfigKeys.CHECKPOINT_PATH.name(), "s3://state/" + run + "/checkpoints");
        values.put(ConfigKeys.CHECKPOINT_INTERVAL.name(), settings.checkpointInterval().toMillis() + "ms");
        values.put(ConfigKeys.PARALLELISM.name(), "2");
        return values;
    }

    /**
     * The run's Iceberg REST catalog, served from this process over a JDBC catalog (as Glue or a
     * REST catalog serve a production job): the cluster needs no catalog database of its own.
     */
    private RestCatalogServer catalog(String run) {
        return catalogs.computeIfAbsent(run, r -> {
            try {
                return new RestCatalogServer(IcebergCatalogSettings.jdbc("s3://lake/" + r + "/warehouse",
                        "jdbc:sqlite:" + workDir.resolve(r + "-catalog.db"), "sightline", servers.s3()).load());
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the REST catalog: " + e.getMessage(), e);
            }
        });
    }

    private IcebergWarehouse warehouse(String run) {
        S3Settings direct = servers.s3();
        Map<String, String> values = jobSettings(run, "http://127.0.0.1:1/unused", direct.endpoint(), servers.sqs().endpoint());
        values.put(ConfigKeys.DEPLOYMENT_TARGET.name(), "local");
        return new IcebergWarehouse(SightlineJob.catalog(SightlineConfig.of(values)));
    }

    private List<String> tableNames() {
        Map<String, String> values = jobSettings("reference", "http://127.0.0.1:1/unused", servers.s3().endpoint(), servers.sqs().endpoint());
        values.put(ConfigKeys.DEPLOYMENT_TARGET.name(), "local");
        return SightlineJob.tableNames(SightlineJob.graph(SightlineConfig.of(values)));
    }

    private ClusterSettings clusterSettings() {
        S3Settings direct = servers.s3();
        Map<String, String> flink = new LinkedHashMap<>(RecoverySettings.production());
        flink.put("high-availability.type", "zookeeper");
        flink.put("high-availability.zookeeper.quorum", servers.zooKeeper());
        flink.put("high-availability.storageDir", "s3://state/ha");
        flink.put("high-availability.cluster-id", "/drill");
        flink.put("zookeeper.sasl.disable", "true");
        flink.put("s3.endpoint", s3Proxy.endpoint());
        flink.put("s3.path.style.access", "true");
        flink.put("s3.access-key", direct.accessKey());
        flink.put("s3.secret-key", direct.secretKey());
        return new ClusterSettings(1, "1024m", flink, FlinkProcessCluster.jobsTarget().resolve("sightline-application.jar"));
    }

    private static long rows(IcebergWarehouse warehouse) {
        try {
            return warehouse.rowCount("media_objects");
        } catch (RuntimeException e) {
            return 0; // not created yet, or the catalog busy
        }
    }

    private void awaitRowsAbove(IcebergWarehouse warehouse, long before) throws InterruptedException {
        await("a commit of the batch in flight", () -> rows(warehouse) > before);
    }

    /** The commit time (epoch ms) of the first snapshot of media_objects at or after {@code since}. */
    private long awaitCommitAfter(IcebergWarehouse warehouse, long since) throws InterruptedException {
        long[] found = {-1};
        await("a commit of media_objects after the fault", () -> {
            try {
                var table = warehouse.table("media_objects");
                table.refresh();
                for (Snapshot snapshot : table.snapshots()) {
                    if (snapshot.timestampMillis() >= since && (found[0] < 0 || snapshot.timestampMillis() < found[0])) {
                        found[0] = snapshot.timestampMillis();
                    }
                }
            } catch (RuntimeException e) {
                return false; // the catalog busy: ask again
            }
            return found[0] >= 0;
        });
        return found[0];
    }

    private void awaitCommitted(IcebergWarehouse warehouse, List<Announced> expected) throws InterruptedException {
        await(expected.size() + " objects committed", () -> {
            if (rows(warehouse) < expected.size()) {
                return false;
            }
            Map<String, Boolean> seen = new HashMap<>();
            warehouse.readAll("media_objects").forEach(r -> seen.put(r.getField("uri") + "@" + r.getField("version"), true));
            return expected.stream().allMatch(a -> seen.containsKey(a.uri() + "@" + a.version()));
        });
    }

    /** Waits for two more completed checkpoints, so every table's commit of the last rows is in. */
    private void settle(String jobId) throws InterruptedException {
        long now = cluster.rest().completedCheckpoints(jobId);
        await("two more checkpoints", () -> cluster.rest().completedCheckpoints(jobId) >= now + 2);
    }

    private void awaitGone(String jobId) throws InterruptedException {
        await("job " + jobId + " cancelled", () -> {
            FlinkRest.JobState state = cluster.rest().job(jobId);
            return state != null && (state.status().equals("CANCELED") || state.status().equals("FAILED"));
        });
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + PATIENCE.toMinutes() + " min; cluster logs in "
                        + workDir.resolve("cluster/log"));
            }
            Thread.sleep(200);
        }
    }

    private String createQueue(String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    /** Messages visible plus in flight. */
    private long queueDepth(String queue) {
        var a = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private void say(String format, Object... args) {
        if (log != null) {
            log.printf("  [%5.0f s] %s%n", (System.nanoTime() - createdAt) / 1e9, String.format(format, args));
            log.flush();
        }
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        for (RestCatalogServer catalog : catalogs.values()) {
            catalog.close();
        }
        store.close();
        sqs.close();
        s3Proxy.close();
        sqsProxy.close();
        servers.close();
    }
}
