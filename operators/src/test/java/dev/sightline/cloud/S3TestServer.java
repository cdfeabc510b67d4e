package dev.sightline.cloud;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 API server for tests: S3Proxy in-process on loopback, objects in memory. */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "sightline-test";
    public static final String SECRET_KEY = "sightline-test-secret";

    private final S3Proxy proxy;

    public S3TestServer() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(5);
        }
    }

    /** The endpoint URL, {@code http://127.0.0.1:port}. */
    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** Settings that reach this server (path-style, static test credentials). */
    public S3Settings settings() {
        return new S3Settings("us-east-1", endpoint(), true, ACCESS_KEY, SECRET_KEY, 3);
    }

    /** Creates a bucket and returns a client for the server. */
    public S3Client createBucket(String bucket) {
        S3Client client = settings().s3();
        client.createBucket(b -> b.bucket(bucket));
        return client;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
