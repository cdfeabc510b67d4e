package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.cloud.S3TestServer;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.OffloadConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.TestCluster;
import dev.sightline.offload.BatchStandIn;
import dev.sightline.offload.LocalProcessBackend;
import dev.sightline.offload.WorkerExit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offload end to end on a MiniCluster, input from S3 (S3Proxy) through SQS (ElasticMQ), workers
 * as real {@code sightline worker} processes: through {@code local-process} and through
 * {@code aws-batch} (the loopback Batch stand-in, driven by the real SDK client) videos, audio and
 * gaze give exactly the rows of the in-task path; a crash while Batch jobs run, then a restore,
 * submits every job once and commits every row once; a worker that keeps failing is retried, then
 * a dead letter naming its job; throttling opens the circuit breaker, the task runs the analyses
 * meanwhile, and the breaker closes again.
 */
class OffloadEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

    /** Columns that hold wall-clock times: the only values that differ between runs. */
    private static final Set<String> TIMING = Set.of("received_at", "processed_at", "processing_s", "occurred_at");
    private static final List<String> RESULT_TABLES = List.of("media_objects", "dead_letters", "video_scenes", "video_detections",
            "video_tracks", "video_summary", "audio_transcripts", "transcript_segments", "transcript_words", "transcript_keywords",
            "transcript_topics", "gaze_recordings", "gaze_fixations", "gaze_saccades", "gaze_blinks", "gaze_aoi_metrics");

    @TempDir
    Path data;

    /** Puts the test recordings into the bucket; returns their keys. */
    private List<String> upload(LoopbackAws aws) throws Exception {
        Path local = data.resolve("local");
        List<String> keys = new ArrayList<>();
        keys.add(put(aws, "videos/a.mp4", TestInputs.video(local, "a.mp4")));
        keys.add(put(aws, "talk/tones.wav", TestInputs.audio(local, "tones.wav")));
        // No read speech: the Sphinx model would load in every worker JVM (minutes of CI); words are rows like any
        // other to the offload path, and AudioBranchEndToEndTest transcribes real speech in the task.
        keys.add(put(aws, "gaze/viewer.csv", TestInputs.gaze(local, "viewer.csv", 7)));
        Path whole = TestInputs.video(local, "whole.mp4");
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(local.resolve("truncated.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        keys.add(put(aws, "videos/truncated.mp4", truncated)); // an MP4 that breaks: analysed, bad input
        keys.add(put(aws, "videos/corrupt.mp4", TestInputs.corrupt(local, "corrupt.mp4"))); // not a video: rejected, never offloaded
        return keys;
    }

    private static String put(LoopbackAws aws, String key, Path file) throws Exception {
        aws.put(key, file);
        return key;
    }

    /** The job's settings for one run; results go to its own warehouse, keyframes to the shared processed path. */
    private Map<String, String> settings(LoopbackAws aws, String run) {
        Map<String, String> settings = aws.settings(data.resolve(run));
        settings.put(ConfigKeys.PROCESSED_PATH.name(), "s3://lake/processed"); // keyframe URIs are part of the rows
        settings.put(ConfigKeys.OFFLOAD_PATH.name(), "s3://lake/offload-" + run); // each run its own tasks
        settings.put(ConfigKeys.VIDEO_DETECTION_FPS.name(), "2");
        return settings;
    }

    private static SightlineConfig run(LoopbackAws aws, Map<String, String> settings, List<String> keys) throws Exception {
        SightlineConfig config = SightlineConfig.of(settings);
        keys.forEach(key -> aws.send(aws.created(key)));
        TestJob.runUntilIdle(config, Duration.ofSeconds(4));
        return config;
    }

    private BatchStandIn batch(LoopbackAws aws, int slots) throws Exception {
        return new BatchStandIn(LocalProcessBackend.thisJvm(OffloadConfig.MAIN_CLASS),
                Map.of("AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY), slots,
                data.resolve("batch-logs"));
    }

    private static void batchSettings(Map<String, String> settings, BatchStandIn batch) {
        settings.put(ConfigKeys.OFFLOAD_BACKEND.name(), "aws-batch");
        settings.put(ConfigKeys.OFFLOAD_BATCH_ENDPOINT.name(), batch.endpoint());
        settings.put(ConfigKeys.OFFLOAD_BATCH_COMMAND.name(), ""); // the stand-in's program is the worker's JVM
        settings.put("offload.queue.default.job-queue", "sightline-cpu");
        settings.put("offload.queue.default.job-definition", "sightline-worker");
        settings.put(ConfigKeys.OFFLOAD_POLL_FIRST.name(), "100ms");
        settings.put(ConfigKeys.OFFLOAD_POLL_MAX.name(), "500ms");
    }

    /** Every result table's rows as text, timing columns left out, sorted. */
    private static Map<String, List<String>> rows(SightlineConfig config) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : RESULT_TABLES) {
            List<String> rows = new ArrayList<>();
            for (Record record : Tables.read(config, table)) {
                StringBuilder row = new StringBuilder();
                for (Types.NestedField field : record.struct().fields()) {
                    if (!TIMING.contains(field.name())) {
                        row.append(field.name()).append('=').append(record.getField(field.name())).append(' ');
                    }
                }
                rows.add(row.toString());
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    @Test
    void localProcessAndAwsBatchWriteExactlyTheRowsOfTheInTaskPath() throws Exception {
        try (LoopbackAws aws = new LoopbackAws("raw")) {
            aws.s3Client.createBucket(b -> b.bucket("lake"));
            List<String> keys = upload(aws);

            SightlineConfig inTask = run(aws, settings(aws, "in-task"), keys);
            Map<String, List<String>> reference = rows(inTask);
            assertThat(reference.get("media_objects")).hasSize(keys.size());
            assertThat(reference.get("video_scenes")).isNotEmpty();
            assertThat(reference.get("gaze_fixations")).isNotEmpty();
            int analysed = keys.size() - 1; // all but the unrecognised object
            assertThat(Tables.read(inTask, "compute_runs")).hasSize(analysed)
                    .allSatisfy(r -> assertThat(r.getField("backend")).isEqualTo("in-task"));

            Map<String, String> local = settings(aws, "local");
            local.put(ConfigKeys.OFFLOAD_BACKEND.name(), "local-process");
            local.put(ConfigKeys.OFFLOAD_ROUTES.name(), "video, audio -> offload; gaze -> in-task");
            SightlineConfig viaLocal = run(aws, local, keys);
            assertThat(rows(viaLocal)).isEqualTo(reference);
            List<Record> localRuns = Tables.read(viaLocal, "compute_runs");
            assertThat(localRuns).hasSize(analysed);
            assertThat(localRuns).filteredOn(r -> r.getField("media_type").equals("gaze"))
                    .singleElement().satisfies(r -> assertThat(r.getField("backend")).isEqualTo("in-task"));
            assertThat(localRuns).filteredOn(r -> !r.getField("media_type").equals("gaze")).allSatisfy(r -> {
                assertThat(r.getField("backend")).isEqualTo("local-process");
                assertThat(r.getField("status")).isEqualTo("succeeded");
                assertThat(r.getField("job_id")).isNotNull();
                assertThat((Double) r.getField("run_s")).isPositive();
                assertThat((Double) r.getField("estimated_cost_usd")).isPositive();
            });

            try (BatchStandIn batch = batch(aws, 2)) {
                Map<String, String> viaBatch = settings(aws, "batch");
                batchSettings(viaBatch, batch);
                SightlineConfig batchConfig = run(aws, viaBatch, keys);
                assertThat(rows(batchConfig)).isEqualTo(reference);
                assertThat(batch.submitsByName()).hasSize(analysed).allSatisfy((name, submits) -> assertThat(submits).isOne());
                assertThat(Tables.read(batchConfig, "compute_runs")).hasSize(analysed)
                        .allSatisfy(r -> assertThat(r.getField("backend")).isEqualTo("aws-batch"))
                        .filteredOn(r -> String.valueOf(r.getField("uri")).endsWith("truncated.mp4")).singleElement()
                        .satisfies(r -> {
                            assertThat(r.getField("status")).as("the worker ran; the input is bad").isEqualTo("succeeded");
                            assertThat(r.getField("outcome")).isIn("partial", "failed");
                        });
            }
        }
    }

    @Test
    void aCrashWhileBatchJobsRunSubmitsEveryJobOnceAndCommitsEveryRowOnce() throws Exception {
        try (LoopbackAws aws = new LoopbackAws("crash"); BatchStandIn batch = batch(aws, 2)) {
            batch.delays(Duration.ofSeconds(2), Duration.ofMillis(100)); // jobs are in flight over several checkpoints
            aws.s3Client.createBucket(b -> b.bucket("lake"));
            aws.s3Client.createBucket(b -> b.bucket("state"));
            Path local = data.resolve("local");
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                keys.add(put(aws, "gaze/r" + i + ".csv", TestInputs.gaze(local, "r" + i + ".csv", i)));
            }
            String trigger = put(aws, "gaze/trigger.csv", TestInputs.gaze(local, "trigger.csv", 99));
            Map<String, String> settings = settings(aws, "crash");
            batchSettings(settings, batch);
            settings.put(ConfigKeys.CHECKPOINT_PATH.name(), "s3://state/checkpoints");
            settings.put(ConfigKeys.INPUT_SQS_VISIBILITY.name(), "3s");
            SightlineConfig config = SightlineConfig.of(settings);
            Path marker = data.resolve("failed-once");

            keys.forEach(key -> aws.send(aws.created(key)));
            var job = SqsCrashRecoveryTest.startFailingOnce(config, marker, Duration.ofSeconds(20));
            awaitRunning(batch, keys.size());
            SqsCrashRecoveryTest.awaitArmed(marker, 2); // a checkpoint completed with the tasks in flight
            aws.send(aws.created(trigger)); // meets the injected failure
            job.getJobExecutionResult().get();

            assertThat(marker).exists();
            List<String> all = new ArrayList<>(keys);
            all.add(trigger);
            assertThat(Tables.column(Tables.read(config, "media_objects"), "uri")).hasSize(all.size()).doesNotHaveDuplicates();
            assertThat(batch.submitsByName()).hasSize(all.size()).allSatisfy((name, submits) -> assertThat(submits).isOne());
            List<Record> recordings = Tables.read(config, "gaze_recordings");
            assertThat(Tables.column(recordings, "uri")).hasSize(all.size()).doesNotHaveDuplicates();
            assertThat(Tables.read(config, "compute_runs")).hasSize(all.size());
            assertThat(aws.queueDepth()).isZero();
        }
    }

    private static void awaitRunning(BatchStandIn batch, int jobs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (batch.submitsByName().size() < jobs) {
            assertThat(System.nanoTime()).as("jobs submitted: " + batch.submitsByName().size()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aWorkerThatKeepsFailingIsRetriedThenADeadLetterAndNothingElseIsLost() throws Exception {
        try (LoopbackAws aws = new LoopbackAws("failing"); BatchStandIn batch = batch(aws, 2)) {
            aws.s3Client.createBucket(b -> b.bucket("lake"));
            Path local = data.resolve("local");
            List<String> keys = List.of(put(aws, "talk/tones.wav", TestInputs.audio(local, "tones.wav")),
                    put(aws, "gaze/a.csv", TestInputs.gaze(local, "a.csv", 1)), put(aws, "gaze/b.csv", TestInputs.gaze(local, "b.csv", 2)));
            batch.failAttempts("sightline-audio-", WorkerExit.FAILED, 100);
            Map<String, String> settings = settings(aws, "failing");
            batchSettings(settings, batch);
            SightlineConfig config = run(aws, settings, keys);

            List<Record> objects = Tables.read(config, "media_objects");
            assertThat(objects).hasSize(3);
            assertThat(objects).filteredOn(r -> r.getField("media_type").equals("gaze")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.getField("status")).isEqualTo("done"));
            assertThat(objects).filteredOn(r -> r.getField("media_type").equals("audio")).singleElement()
                    .satisfies(r -> assertThat(r.getField("status")).isEqualTo("failed"));
            List<Record> runs = Tables.read(config, "compute_runs");
            Record failed = runs.stream().filter(r -> r.getField("media_type").equals("audio")).findFirst().orElseThrow();
            assertThat(failed.getField("status")).isEqualTo("failed");
            assertThat(failed.getField("attempts")).isEqualTo(3L);
            String jobId = (String) failed.getField("job_id");
            assertThat(Tables.read(config, "dead_letters")).singleElement().satisfies(letter -> {
                assertThat(letter.getField("error_class")).isEqualTo("OffloadFailed");
                assertThat((String) letter.getField("message")).contains(jobId, "3 attempt(s)", "exit code 1");
            });
            assertThat(Tables.read(config, "gaze_recordings")).hasSize(2);
        }
    }

    @Test
    void throttlingOpensTheBreakerTheTaskRunsTheAnalysesAndTheBreakerClosesAgain() throws Exception {
        try (LoopbackAws aws = new LoopbackAws("throttled"); BatchStandIn batch = batch(aws, 2)) {
            aws.s3Client.createBucket(b -> b.bucket("lake"));
            Path local = data.resolve("local");
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                first.add(put(aws, "gaze/first-" + i + ".csv", TestInputs.gaze(local, "first-" + i + ".csv", i)));
                second.add(put(aws, "gaze/second-" + i + ".csv", TestInputs.gaze(local, "second-" + i + ".csv", 10 + i)));
            }
            batch.throttle(Integer.MAX_VALUE, body -> body.has("jobName")); // every SubmitJob, until stopped
            Map<String, String> settings = settings(aws, "throttled");
            batchSettings(settings, batch);
            settings.put(ConfigKeys.PARALLELISM.name(), "1"); // one breaker
            settings.put(ConfigKeys.OFFLOAD_BREAKER_FAILURES.name(), "2");
            settings.put(ConfigKeys.OFFLOAD_BREAKER_COOL_DOWN.name(), "2s");
            settings.put(ConfigKeys.OFFLOAD_BREAKER_WHEN_OPEN.name(), "in-task");
            SightlineConfig config = SightlineConfig.of(settings);
            first.forEach(key -> aws.send(aws.created(key)));
            var job = TestJob.assembled(config, null, Duration.ofSeconds(20)).executeAsync("offload breaker"); // idle longer than the waves are apart
            Tables.awaitRows(config, "compute_runs", rows -> rows.size() >= first.size(), Duration.ofMinutes(2));
            batch.stopThrottling();
            Thread.sleep(2500); // past the cool-down: the next submission probes the backend, which has recovered
            aws.send(aws.created(second.get(0))); // the probe: once Batch took it, the breaker is closed
            awaitRunning(batch, 1);
            second.subList(1, second.size()).forEach(key -> aws.send(aws.created(key)));
            job.getJobExecutionResult().get();

            List<Record> runs = Tables.read(config, "compute_runs");
            assertThat(runs).hasSize(8);
            assertThat(runs).filteredOn(r -> String.valueOf(r.getField("uri")).contains("first-"))
                    .allSatisfy(r -> {
                        assertThat(r.getField("backend")).isEqualTo("in-task");
                        assertThat(r.getField("route")).isEqualTo("breaker-open");
                    });
            assertThat(runs).filteredOn(r -> String.valueOf(r.getField("uri")).contains("second-"))
                    .allSatisfy(r -> assertThat(r.getField("backend")).as("the breaker closed again").isEqualTo("aws-batch"));
            assertThat(Tables.read(config, "media_objects")).hasSize(8).allSatisfy(r -> assertThat(r.getField("status")).isEqualTo("done"));
            assertThat(Tables.read(config, "gaze_recordings")).hasSize(8);
        }
    }
}
