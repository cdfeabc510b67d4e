package dev.sightline.ingest.sqs;

import dev.sightline.cloud.S3Settings;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A real SQS API server for tests: ElasticMQ in-process on loopback. */
public final class SqsTestServer implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;

    public SqsTestServer() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        port = server.waitUntilStarted().localAddress().getPort();
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** Settings that reach this server. */
    public S3Settings settings() {
        return settings(port);
    }

    /** Settings that reach a server on {@code port}. */
    public static S3Settings settings(int port) {
        return new S3Settings("us-east-1", "http://127.0.0.1:" + port, false, "x", "x", 3);
    }

    /** Messages of a queue visible plus in flight (SQS's approximate counts). */
    public static long depth(SqsClient client, String queueUrl) {
        Map<QueueAttributeName, String> a = client.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Creates a queue and returns its URL. */
    public static String createQueue(SqsClient client, String name) {
        return client.createQueue(b -> b.queueName(name)).queueUrl();
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
