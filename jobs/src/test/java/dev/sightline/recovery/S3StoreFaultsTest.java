package dev.sightline.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.cloud.ObjectNotFoundException;
import dev.sightline.cloud.S3ObjectStore;
import dev.sightline.cloud.S3Settings;
import dev.sightline.cloud.S3TestServer;
import dev.sightline.cloud.StoreUnavailableException;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 client in front of the fault proxy and S3Proxy: what a throttled, resetting or cut-off
 * S3 does is a {@link StoreUnavailableException} (the task fails and reads again), never the
 * object's fault; what the object or its rights do (404, 403) stays a plain error.
 */
class S3StoreFaultsTest {

    private static final byte[] BIG = new byte[16 * 1024 * 1024];

    private static S3TestServer server;
    private static S3Client setup;
    private FaultProxy proxy;
    private S3ObjectStore store;

    @BeforeAll
    static void startS3() throws Exception {
        server = new S3TestServer();
        setup = server.createBucket("media");
        new SplittableRandom(5).nextBytes(BIG);
        try (S3ObjectStore direct = new S3ObjectStore(server.settings().s3())) {
            direct.put("s3://media/in/p1.csv", "time,x,y\n0,1,2\n2,2,3\n".getBytes(), "text/csv");
            direct.put("s3://media/in/big.bin", BIG, "application/octet-stream");
        }
    }

    @AfterAll
    static void stopS3() throws Exception {
        setup.close();
        server.close();
    }

    @BeforeEach
    void startProxy() throws IOException {
        proxy = new FaultProxy("s3", server.endpoint());
        store = new S3ObjectStore(new S3Settings("us-east-1", proxy.endpoint(), true, S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY, 2).s3());
    }

    @AfterEach
    void stopProxy() throws IOException {
        store.close();
        proxy.close();
    }

    @Test
    void throttlingResetsAndRefusalsAreUnavailableStores() throws IOException {
        proxy.set(FaultProxy.Mode.SLOW_DOWN);
        assertThatThrownBy(() -> store.head("s3://media/in/p1.csv")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("HTTP 503");
        assertThatThrownBy(() -> store.open("s3://media/in/p1.csv").close()).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("SlowDown");
        proxy.set(FaultProxy.Mode.RESET);
        assertThatThrownBy(() -> store.open("s3://media/in/p1.csv").close()).isInstanceOf(StoreUnavailableException.class);
        proxy.set(FaultProxy.Mode.DOWN);
        assertThatThrownBy(() -> store.list("s3://media/in/")).isInstanceOf(StoreUnavailableException.class);

        proxy.set(FaultProxy.Mode.PASS);
        assertThatThrownBy(() -> store.head("s3://media/in/none.csv")).isInstanceOf(ObjectNotFoundException.class)
                .isNotInstanceOf(StoreUnavailableException.class);
        try (S3ObjectStore wrongKey = new S3ObjectStore(
                new S3Settings("us-east-1", proxy.endpoint(), true, S3TestServer.ACCESS_KEY, "not-the-secret", 1).s3())) {
            assertThatThrownBy(() -> wrongKey.head("s3://media/in/p1.csv")).hasMessageContaining("access denied")
                    .isNotInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void aConnectionCutMidBodyIsAnUnavailableStore() throws IOException {
        try (InputStream in = store.open("s3://media/in/big.bin")) {
            assertThat(in.readNBytes(64 * 1024)).hasSize(64 * 1024);
            proxy.set(FaultProxy.Mode.RESET); // cuts the open connection
            assertThatThrownBy(in::readAllBytes).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("broke while reading s3://media/in/big.bin");
        }
    }

    @Test
    void theInspectorReadsACutObjectAgainOrFailsTheTaskWhileS3IsDown() throws IOException {
        ObjectInspector inspector = new ObjectInspector(store);
        MediaObject reference = inspector.inspect("s3://media/in/p1.csv");
        assertThat(reference.identified()).isTrue();
        proxy.set(FaultProxy.Mode.RESET);
        assertThatThrownBy(() -> inspector.inspect("s3://media/in/p1.csv")).isInstanceOf(java.io.UncheckedIOException.class)
                .hasCauseInstanceOf(StoreUnavailableException.class);
        proxy.set(FaultProxy.Mode.PASS);
        MediaObject again = inspector.inspect("s3://media/in/p1.csv");
        assertThat(again.sha256()).isEqualTo(reference.sha256());
        assertThat(again.errorClass()).isNull();
    }
}
