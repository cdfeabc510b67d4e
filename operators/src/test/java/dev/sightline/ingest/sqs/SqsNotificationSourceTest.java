package dev.sightline.ingest.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.cloud.S3Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import dev.sightline.ingest.TestCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsNotificationSourceTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestCluster.twoSlots();

    private static SqsTestServer server;
    private static SqsClient client;

    @BeforeAll
    static void start() {
        server = new SqsTestServer();
        client = server.settings().sqs();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String body(String key, String etag) {
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventTime\":\"2026-11-23T10:00:00.000Z\","
                + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"raw\"},\"object\":{\"key\":\"" + key
                + "\",\"size\":10,\"eTag\":\"" + etag + "\",\"sequencer\":\"01\"}}}]}";
    }

    private static SqsSourceSettings settings(String queueUrl, S3Settings aws) {
        return new SqsSourceSettings(queueUrl, aws, Duration.ofSeconds(1), 10, Duration.ofSeconds(30), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void emitsEveryAnnouncementAndDeletesMessagesAfterCheckpoints() throws Exception {
        String queue = SqsTestServer.createQueue(client, "notifications-" + System.nanoTime());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            client.sendMessage(b -> b.queueUrl(queue).messageBody(body("in/clip-" + expectedKey(expected) + ".mp4", "e" + expected.size())));
        }
        String testEvent = S3EventMessageTest.fixture("s3-test-event.json");
        String snsEnvelope = S3EventMessageTest.fixture("sns-s3-put.json");
        client.sendMessage(b -> b.queueUrl(queue).messageBody(testEvent));
        client.sendMessage(b -> b.queueUrl(queue).messageBody(snsEnvelope));
        client.sendMessage(b -> b.queueUrl(queue).messageBody("this is not a notification"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(200);
        List<SqsAnnouncement> out = env.fromSource(new SqsNotificationSource(settings(queue, server.settings())),
                WatermarkStrategy.noWatermarks(), "sqs").executeAndCollect(1000);

        assertThat(out.stream().filter(SqsAnnouncement::usable).map(a -> a.notice().uri()))
                .hasSize(41).contains("s3://amzn-s3-demo-bucket/HappyFace.jpg")
                .containsAll(expected.stream().map(k -> "s3://raw/in/clip-" + k + ".mp4").toList());
        assertThat(out.stream().filter(a -> !a.usable())).singleElement()
                .satisfies(a -> assertThat(a.problem()).contains("not JSON"));
        assertThat(SqsTestServer.depth(client, queue)).isZero();
    }

    @Test
    void nothingIsDeletedWithoutACompletedCheckpoint() throws Exception {
        String queue = SqsTestServer.createQueue(client, "unacked-" + System.nanoTime());
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.sendMessage(b -> b.queueUrl(queue).messageBody(body("k" + n, "e" + n)));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1); // no checkpointing: nothing may be deleted
        List<SqsAnnouncement> out = env.fromSource(new SqsNotificationSource(new SqsSourceSettings(queue, server.settings(),
                Duration.ofSeconds(1), 10, Duration.ofSeconds(30), 5, Duration.ofSeconds(1), Duration.ofSeconds(2))),
                WatermarkStrategy.noWatermarks(), "sqs").executeAndCollect(100);
        assertThat(out).hasSize(5);
        assertThat(SqsTestServer.depth(client, queue)).isEqualTo(5);
    }

    @Test
    void aMessageReceivedTooOftenIsEmittedAsUnusableAndDeleted() throws Exception {
        String queue = SqsTestServer.createQueue(client, "poison-" + System.nanoTime());
        client.sendMessage(b -> b.queueUrl(queue).messageBody(body("poison.mp4", "e1")));
        for (int i = 0; i < 2; i++) { // two earlier deliveries that were never deleted (e.g. crashed consumers)
            var received = client.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages();
            assertThat(received).hasSize(1);
            client.changeMessageVisibility(b -> b.queueUrl(queue).receiptHandle(received.get(0).receiptHandle()).visibilityTimeout(0));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(200);
        List<SqsAnnouncement> out = env.fromSource(new SqsNotificationSource(new SqsSourceSettings(queue, server.settings(),
                Duration.ofSeconds(1), 10, Duration.ofSeconds(30), 2, Duration.ofSeconds(1), Duration.ofSeconds(2))),
                WatermarkStrategy.noWatermarks(), "sqs").executeAndCollect(10);
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.usable()).isFalse();
            assertThat(a.problem()).isEqualTo("received 3 times (more than 2)");
            assertThat(a.body()).contains("poison.mp4");
        });
        assertThat(SqsTestServer.depth(client, queue)).isZero();
    }

    @Test
    void inFlightMessagesStayHiddenBeyondTheirVisibilityTimeout() throws Exception {
        String queue = SqsTestServer.createQueue(client, "slow-" + System.nanoTime());
        client.sendMessage(b -> b.queueUrl(queue).messageBody(body("long-analysis.mp4", "e1")));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1); // no checkpoint: the message stays in flight for the whole run (7 s > 2 s visibility)
        List<SqsAnnouncement> out = env.fromSource(new SqsNotificationSource(new SqsSourceSettings(queue, server.settings(),
                Duration.ofSeconds(1), 10, Duration.ofSeconds(2), 5, Duration.ofSeconds(1), Duration.ofSeconds(7))),
                WatermarkStrategy.noWatermarks(), "sqs").executeAndCollect(10);
        // Without the reader extending its visibility it would have been delivered again after 2 s.
        assertThat(out).singleElement().satisfies(a -> assertThat(a.notice().uri()).isEqualTo("s3://raw/long-analysis.mp4"));
    }

    private static String expectedKey(List<String> expected) {
        String key = Integer.toString(expected.size());
        expected.add(key);
        return key;
    }

}
