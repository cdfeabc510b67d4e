package dev.sightline.ingest.sqs;

import dev.sightline.cloud.S3Settings;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

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

    /** Creates a queue and returns its URL. */
    public static String createQueue(SqsClient client, String name) {
        return client.createQueue(b -> b.queueName(name)).queueUrl();
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
