package dev.sightline.bench;

import dev.sightline.cloud.S3ObjectStore;
import dev.sightline.cloud.S3Settings;
import dev.sightline.config.SightlineConfig;
import dev.sightline.demo.SampleGaze;
import dev.sightline.job.LocalCluster;
import dev.sightline.job.SightlineJob;
import dev.sightline.sink.IcebergWarehouse;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Continuous ingestion end to end against real S3 and SQS servers on loopback: small eye-tracking
 * exports are put into a bucket at a steady rate, each announced by an S3 event notification on
 * the queue, while the production job (SQS source, dedupe, analysis, Iceberg warehouse on S3)
 * runs on the embedded cluster. Measures sustained objects/s from first put to last commit, and
 * for each object the time from its put to the Iceberg commit that made its row visible (from
 * the snapshots' commit times).
 */
public final class IngestBenchmark {

    /**
     * What to run.
     *
     * @param backlog objects announced before the job starts (throughput)
     * @param steadyObjects objects put at {@code rate} while it runs (latency)
     */
    public record Settings(int backlog, int steadyObjects, double rate, Duration checkpointInterval, int parallelism, int producers) {}

    private IngestBenchmark() {}

    public static void run(PrintWriter out, Path workDir, Settings settings) throws Exception {
        try (LoopbackServers servers = new LoopbackServers(true, true)) {
            S3Settings s3 = servers.s3();
            S3Client s3Client = s3.s3(); // closed by the store
            try (S3ObjectStore store = new S3ObjectStore(s3Client); SqsClient sqs = servers.sqs().sqs()) {
                s3Client.createBucket(b -> b.bucket("bench-raw"));
                s3Client.createBucket(b -> b.bucket("bench-lake"));
                String queue = sqs.createQueue(b -> b.queueName("bench-raw-events")).queueUrl();
                SightlineConfig config = SightlineConfig.of(servers.sqsJob(workDir, queue, "bench-lake", settings.checkpointInterval(), settings.parallelism()));
                byte[] recording = sampleRecording(workDir);

                // Phase 1, throughput: a backlog of announced objects waits in the queue when the job starts.
                Producer backlog = new Producer(store, sqs, queue, recording, "backlog/");
                backlog.put(settings.backlog(), 0, settings.producers());
                out.printf("Ingest against S3Proxy + ElasticMQ on loopback: gaze exports of %,d bytes, job parallelism %d, checkpoint every %d s%n",
                        recording.length, settings.parallelism(), settings.checkpointInterval().toSeconds());
                try (LocalCluster cluster = LocalCluster.start(config);
                        IcebergWarehouse warehouse = new IcebergWarehouse(SightlineJob.catalog(config))) {
                    awaitRows(warehouse, 1, Duration.ofMinutes(5));
                    long rowsBefore = warehouse.rowCount("media_objects");
                    long jobCpuBefore = processCpuNanos();
                    long serverCpuBefore = servers.cpuTime().toNanos();
                    awaitRows(warehouse, settings.backlog(), Duration.ofMinutes(20));
                    if (rowsBefore >= settings.backlog()) {
                        throw new IllegalStateException("the whole backlog was committed at once, nothing to time: raise --backlog");
                    }
                    double jobCpuMs = (processCpuNanos() - jobCpuBefore) / 1e6 / (settings.backlog() - rowsBefore);
                    double serverCpuMs = (servers.cpuTime().toNanos() - serverCpuBefore) / 1e6 / (settings.backlog() - rowsBefore);
                    List<Long> drained = new ArrayList<>(commitTimes(warehouse.table("media_objects"), backlog.putTimes.keySet()).values());
                    drained.sort(null);
                    long first = drained.get(0);
                    long inFirst = drained.stream().filter(t -> t == first).count();
                    double drainSeconds = (drained.get(drained.size() - 1) - first) / 1000.0;
                    if (inFirst == settings.backlog()) {
                        throw new IllegalStateException("the whole backlog was committed at the first checkpoint, nothing to time: raise --backlog");
                    }
                    out.printf("  backlog of %,d announced objects: %,d committed at the first checkpoint, the other %,d over the next %.1f s: "
                            + "%,.0f objects/s sustained end to end (notification -> Iceberg commit)%n",
                            settings.backlog(), inFirst, settings.backlog() - inFirst, drainSeconds, (settings.backlog() - inFirst) / drainSeconds);
                    out.printf("  CPU per object while draining: job %.2f ms (%,.0f objects/s per core), S3 + SQS servers %.2f ms; %d cores here%n",
                            jobCpuMs, 1000 / jobCpuMs, serverCpuMs, Runtime.getRuntime().availableProcessors());
                    out.flush();

                    // Phase 2, latency: objects put at a steady rate while the job runs.
                    Producer steady = new Producer(store, sqs, queue, recording, "steady/");
                    long started = System.currentTimeMillis();
                    steady.put(settings.steadyObjects(), settings.rate(), settings.producers());
                    long putDone = System.currentTimeMillis();
                    awaitRows(warehouse, settings.backlog() + settings.steadyObjects(), Duration.ofMinutes(10));
                    Map<String, Long> committed = commitTimes(warehouse.table("media_objects"), steady.putTimes.keySet());
                    long[] latencies = steady.putTimes.entrySet().stream().mapToLong(e -> committed.get(e.getKey()) - e.getValue()).sorted().toArray();
                    long lastCommit = committed.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                    out.printf("  steady: %,d objects put over %.1f s (%,.0f objects/s), all committed %.1f s after the first put: "
                            + "put -> committed row p50 %.1f s, p90 %.1f s, p99 %.1f s, max %.1f s%n",
                            settings.steadyObjects(), (putDone - started) / 1000.0, settings.steadyObjects() / ((putDone - started) / 1000.0),
                            (lastCommit - started) / 1000.0, percentile(latencies, 0.50), percentile(latencies, 0.90),
                            percentile(latencies, 0.99), latencies[latencies.length - 1] / 1000.0);
                    out.printf("  targets: >= 500 objects/s; p99 <= checkpoint interval + 5 s = %d s%n",
                            settings.checkpointInterval().toSeconds() + 5);
                    out.flush();
                }
            }
        }
    }

    /** A small real-looking export: one second of 250 Hz gaze. */
    private static byte[] sampleRecording(Path workDir) throws Exception {
        Path file = Files.createDirectories(workDir).resolve("sample.csv");
        SampleGaze.write(file, 1.0, 250, 1920, 1080, 42);
        return Files.readAllBytes(file);
    }

    private static void awaitRows(IcebergWarehouse warehouse, long rows, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (warehouse.rowCount("media_objects") < rows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + warehouse.rowCount("media_objects") + " of " + rows
                        + " objects committed after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    /** The commit time of each of {@code uris}: the timestamp of the first snapshot that holds its row. */
    private static Map<String, Long> commitTimes(Table table, Set<String> uris) throws Exception {
        table.refresh();
        List<Snapshot> snapshots = new ArrayList<>();
        table.snapshots().forEach(snapshots::add);
        snapshots.sort((a, b) -> Long.compare(a.sequenceNumber(), b.sequenceNumber()));
        Map<String, Long> times = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Snapshot snapshot : snapshots) {
            try (CloseableIterable<Record> rows = IcebergGenerics.read(table).useSnapshot(snapshot.snapshotId()).select("uri").build()) {
                for (Record row : rows) {
                    String uri = (String) row.getField("uri");
                    if (seen.add(uri) && uris.contains(uri)) {
                        times.put(uri, snapshot.timestampMillis());
                    }
                }
            }
        }
        if (times.size() != uris.size()) {
            throw new IllegalStateException((uris.size() - times.size()) + " objects have no committed row");
        }
        return times;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }

    /** Puts objects at a steady rate and sends one S3 event notification per object, in batches of ten. */
    private static final class Producer {
        final Map<String, Long> putTimes = new ConcurrentHashMap<>();
        private final S3ObjectStore store;
        private final SqsClient sqs;
        private final String queue;
        private final byte[] content;
        private final String prefix;

        Producer(S3ObjectStore store, SqsClient sqs, String queue, byte[] content, String prefix) {
            this.store = store;
            this.sqs = sqs;
            this.queue = queue;
            this.content = content;
            this.prefix = prefix;
        }

        void put(int count, double rate, int threads) throws Exception {
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    work.add(pool.submit(() -> {
                        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            if (rate > 0) {
                                long due = start + (long) (i * 1e9 / rate);
                                long wait = due - System.nanoTime();
                                if (wait > 0) {
                                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                                }
                            }
                            String key = prefix + "viewer-" + i + ".csv";
                            String etag = store.put("s3://bench-raw/" + key, content, "text/csv").version();
                            putTimes.put("s3://bench-raw/" + key, System.currentTimeMillis());
                            batch.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(batch.size()))
                                    .messageBody(S3Notifications.created("bench-raw", key, etag, content.length)).build());
                            if (batch.size() == 10 || (rate > 0 && rate < 200)) {
                                send(batch);
                            }
                        }
                        send(batch);
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private void send(List<SendMessageBatchRequestEntry> batch) {
            if (!batch.isEmpty()) {
                sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(batch));
                batch.clear();
            }
        }
    }
}
