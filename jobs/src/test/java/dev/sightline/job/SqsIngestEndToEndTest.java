package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import com.sun.net.httpserver.HttpServer;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.ingest.backfill.BackfillSummary;
import dev.sightline.sink.LedgerTables;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import dev.sightline.ingest.TestCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects put into S3 (S3Proxy) and announced through SQS (ElasticMQ), both real servers on
 * loopback → the production graph on a MiniCluster with checkpoints → rows in Iceberg, each
 * object version exactly once, and the queue empty afterwards.
 */
class SqsIngestEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

    @TempDir
    Path data;

    @Test
    void notifiedObjectsAreAnalysedOnceAndBadMessagesBecomeDeadLetters() throws Exception {
        try (LoopbackAws aws = new LoopbackAws("raw")) {
            Path local = data.resolve("local");
            Path talk = TestInputs.audio(local, "talk.wav");
            aws.put("study 1/viewer + notes ü.csv", TestInputs.gaze(local, "viewer.csv", 1));
            aws.put("talk.wav", talk);
            aws.put("day1/clip.mp4", TestInputs.video(local, "clip.mp4"));
            aws.put("corrupt.mp4", TestInputs.corrupt(local, "corrupt.mp4"));
            aws.put("gone.wav", TestInputs.audio(local, "gone.wav"));
            aws.s3Client.deleteObject(b -> b.bucket("raw").key("gone.wav")); // deleted between notice and read

            aws.send(aws.created("talk.wav"));
            aws.send(aws.created("talk.wav")); // duplicate notification
            aws.send(aws.created("study 1/viewer + notes ü.csv"));
            aws.send(LoopbackAws.snsEnvelope(aws.created("day1/clip.mp4")));
            aws.send(aws.created("corrupt.mp4"));
            aws.send(aws.created("gone.wav"));
            aws.send("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"raw\"}");
            aws.send("garbage that is not a notification");

            // Results and keyframes on S3 too: the Iceberg warehouse through S3FileIO.
            aws.s3Client.createBucket(b -> b.bucket("lake"));
            Map<String, String> settings = aws.settings(data);
            settings.put(ConfigKeys.WAREHOUSE_PATH.name(), "s3://lake/warehouse");
            settings.put(ConfigKeys.PROCESSED_PATH.name(), "s3://lake/processed");
            SightlineConfig config = SightlineConfig.of(settings);
            TestJob.runUntilIdle(config, Duration.ofSeconds(4));

            List<Record> objects = Tables.read(config, "media_objects");
            Map<String, Record> byUri = objects.stream().collect(Collectors.toMap(r -> (String) r.getField("uri"), Function.identity()));
            assertThat(objects).hasSize(5);
            assertThat(byUri.keySet()).containsExactlyInAnyOrder("s3://raw/talk.wav", "s3://raw/study 1/viewer + notes ü.csv",
                    "s3://raw/day1/clip.mp4", "s3://raw/corrupt.mp4", "s3://raw/gone.wav");
            assertThat(byUri.get("s3://raw/talk.wav").getField("sha256")).isEqualTo(TestInputs.sha256(talk));
            for (String done : List.of("s3://raw/study 1/viewer + notes ü.csv", "s3://raw/day1/clip.mp4", "s3://raw/talk.wav")) {
                assertThat(byUri.get(done).getField("status")).as(done + ": " + byUri.get(done).getField("error")).isEqualTo("done");
            }
            assertThat(Tables.read(config, "video_summary")).singleElement()
                    .satisfies(r -> assertThat(r.getField("frames_decoded")).isEqualTo(40L));
            assertThat(Tables.read(config, "gaze_recordings")).hasSize(1);

            List<Record> deadLetters = Tables.read(config, LedgerTables.DEAD_LETTERS.name());
            assertThat(Tables.column(deadLetters, "error_class"))
                    .containsExactlyInAnyOrder("UnsupportedMediaType", "ObjectNotFound", "UnreadableNotification");
            assertThat(aws.queueDepth()).isZero();

            assertThat(aws.store.list("s3://lake/warehouse/sightline/media_objects/data/")).isNotEmpty();
            assertThat(aws.store.list("s3://lake/warehouse/sightline/media_objects/metadata/")).isNotEmpty();
            assertThat(Tables.read(config, "video_scenes")).isNotEmpty().allSatisfy(r -> {
                String keyframe = (String) r.getField("keyframe_uri");
                assertThat(keyframe).startsWith("s3://lake/processed/keyframes/");
                assertThat(aws.store.head(keyframe).sizeBytes()).isPositive();
            });
            assertThat(Files.exists(data.resolve("warehouse"))).isFalse();
        }
    }

    @Test
    void backfillAndNotificationsTogetherAnalyseEachVersionOnceAndTheBackfillSaysWhenItIsComplete() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/hooks/backfill", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the first call fails: the notifier tries again
            int status = calls.incrementAndGet() == 1 ? 503 : 204;
            if (status == 204) {
                notices.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
        try (LoopbackAws aws = new LoopbackAws("media")) {
            Path local = data.resolve("local");
            aws.put("archive/old-1.wav", TestInputs.audio(local, "old-1.wav"));
            aws.put("archive/old-2.csv", TestInputs.gaze(local, "old-2.csv", 2));
            aws.put("archive/both.wav", TestInputs.audio(local, "both.wav"));
            aws.put("archive/broken.mp4", TestInputs.corrupt(local, "broken.mp4"));
            aws.put("incoming/new.wav", TestInputs.audio(local, "new.wav"));
            aws.send(aws.created("archive/both.wav")); // announced by a notification and found by the backfill
            aws.send(aws.created("incoming/new.wav"));

            Map<String, String> settings = aws.settings(data);
            settings.put(ConfigKeys.INPUT_BACKFILL.name(), "s3://media/archive/");
            settings.put(ConfigKeys.INPUT_BACKFILL_WEBHOOK.name(), "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hooks/backfill");
            SightlineConfig config = SightlineConfig.of(settings);
            TestJob.runUntilIdle(config, Duration.ofSeconds(4));

            assertThat(Tables.column(Tables.read(config, "media_objects"), "uri")).containsExactlyInAnyOrder(
                    "s3://media/archive/old-1.wav", "s3://media/archive/old-2.csv", "s3://media/archive/both.wav",
                    "s3://media/archive/broken.mp4", "s3://media/incoming/new.wav");
            assertThat(aws.queueDepth()).isZero();

            // once, after a retry, with the four listed objects (not the one only notified) by media type and status
            assertThat(calls).hasValue(2);
            assertThat(notices).singleElement().asString().startsWith("POST application/json {");
            BackfillSummary summary = BackfillSummary.fromJson(notices.get(0).substring(notices.get(0).indexOf('{')));
            assertThat(summary.event).isEqualTo("sightline.backfill.completed");
            assertThat(summary.backfill).isEqualTo("s3://media/archive/");
            assertThat(summary.listed).isEqualTo(4);
            assertThat(summary.count(MediaType.AUDIO, ObjectStatus.DONE)).isEqualTo(2);
            assertThat(summary.count(MediaType.GAZE, ObjectStatus.DONE)).isEqualTo(1);
            assertThat(summary.byStatus).containsEntry("done", 3L).containsEntry("failed", 1L);
            assertThat(summary.checkpoint).as("the checkpoint that committed the backfill's rows").isNotNull();
            assertThat(summary.completedAt).isNotNull();
        } finally {
            webhook.stop(0);
        }
    }

}
