package dev.sightline.job;

import dev.sightline.bench.LoopbackServers;
import dev.sightline.bench.S3Notifications;
import dev.sightline.cloud.ObjectMetadata;
import dev.sightline.cloud.S3ObjectStore;
import dev.sightline.cloud.S3TestServer;
import dev.sightline.config.ConfigKeys;
import dev.sightline.ingest.sqs.SqsTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** S3 (S3Proxy) and SQS (ElasticMQ) on loopback with a bucket and a queue, for end-to-end tests. */
final class LoopbackAws implements AutoCloseable {

    final S3TestServer s3 = new S3TestServer();
    final LoopbackServers sqs = new LoopbackServers(false, true);
    final S3Client s3Client;
    final SqsClient sqsClient = sqs.sqs().sqs();
    final S3ObjectStore store;
    final String bucket;
    final String queue;
    private final Map<String, ObjectMetadata> puts = new HashMap<>();

    LoopbackAws(String bucket) throws Exception {
        this.bucket = bucket;
        s3Client = s3.createBucket(bucket);
        store = new S3ObjectStore(s3.settings().s3());
        queue = SqsTestServer.createQueue(sqsClient, bucket + "-notifications");
    }

    /** Uploads a local file under {@code key}; returns its s3:// URI. */
    String put(String key, Path file) throws IOException {
        String uri = "s3://" + bucket + "/" + key;
        puts.put(key, store.put(uri, Files.readAllBytes(file), "application/octet-stream"));
        return uri;
    }

    /** Sends a message body to the queue. */
    void send(String body) {
        sqsClient.sendMessage(b -> b.queueUrl(queue).messageBody(body));
    }

    /** An S3 event notification of an uploaded key, as S3 writes it. */
    String created(String key) {
        ObjectMetadata put = puts.get(key);
        return S3Notifications.created(bucket, key, put.version(), put.sizeBytes());
    }

    /** The same notification wrapped by SNS. */
    static String snsEnvelope(String message) {
        return "{\"Type\":\"Notification\",\"MessageId\":\"22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\","
                + "\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:raw\",\"Subject\":\"Amazon S3 Notification\",\"Message\":\""
                + message.replace("\"", "\\\"") + "\",\"Timestamp\":\"2026-11-23T10:00:00.000Z\"}";
    }

    /** Messages visible plus in flight. */
    long queueDepth() {
        return SqsTestServer.depth(sqsClient, queue);
    }

    /** Configuration of an SQS-fed job against these servers, data under {@code dataDir}. */
    Map<String, String> settings(Path dataDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put(ConfigKeys.DATA_DIR.name(), dataDir.toString());
        settings.put(ConfigKeys.CHECKPOINT_INTERVAL.name(), "300ms");
        settings.put(ConfigKeys.PARALLELISM.name(), "2");
        settings.put(ConfigKeys.INPUT_KIND.name(), "sqs");
        settings.put(ConfigKeys.INPUT_QUEUE_URL.name(), queue);
        settings.put(ConfigKeys.INPUT_SQS_WAIT.name(), "1s");
        settings.put(ConfigKeys.AWS_ENDPOINT.name(), s3.endpoint());
        settings.put(ConfigKeys.AWS_SQS_ENDPOINT.name(), sqs.sqs().endpoint());
        settings.put(ConfigKeys.AWS_PATH_STYLE.name(), "true");
        settings.put(ConfigKeys.AWS_ACCESS_KEY.name(), S3TestServer.ACCESS_KEY);
        settings.put(ConfigKeys.AWS_SECRET_KEY.name(), S3TestServer.SECRET_KEY);
        return settings;
    }

    @Override
    public void close() throws Exception {
        store.close();
        s3Client.close();
        sqsClient.close();
        sqs.close();
        s3.close();
    }
}
