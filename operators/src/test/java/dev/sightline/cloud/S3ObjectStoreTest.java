package dev.sightline.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class S3ObjectStoreTest {

    private static S3TestServer server;
    private static S3Client client;

    @BeforeAll
    static void start() throws Exception {
        server = new S3TestServer();
        client = server.createBucket("media");
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void putHeadAndRangedReads() throws IOException {
        try (S3ObjectStore store = new S3ObjectStore(server.settings().s3())) {
            byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
            ObjectMetadata put = store.put("s3://media/in/digits.txt", content, "text/plain");
            ObjectMetadata head = store.head("s3://media/in/digits.txt");
            assertThat(head.sizeBytes()).isEqualTo(20);
            assertThat(head.version()).isEqualTo(put.version()).doesNotContain("\"").isNotEmpty();
            assertThat(read(store.open("s3://media/in/digits.txt"))).isEqualTo("0123456789abcdefghij");
            assertThat(read(store.open("s3://media/in/digits.txt", 5, 4))).isEqualTo("5678");
            assertThat(read(store.open("s3://media/in/digits.txt", 15, -1))).isEqualTo("fghij");
            assertThat(read(store.open("s3://media/in/digits.txt", 20, -1))).isEmpty();
        }
    }

    @Test
    void keysWithSpacesPlusSignsAndUnicodeRoundTrip() throws IOException {
        try (S3ObjectStore store = new S3ObjectStore(server.settings().s3())) {
            String uri = "s3://media/odd/my clip + notes ü 視線.txt";
            store.put(uri, "x".getBytes(StandardCharsets.UTF_8), "text/plain");
            assertThat(store.list("s3://media/odd/")).extracting(ObjectMetadata::uri).containsExactly(uri);
            assertThat(read(store.open(uri))).isEqualTo("x");
        }
    }

    @Test
    void listingFollowsEveryPage() throws IOException {
        try (S3ObjectStore store = new S3ObjectStore(server.settings().s3(), 7)) {
            for (int i = 0; i < 23; i++) {
                store.put(String.format("s3://media/paged/%02d.bin", i), new byte[i], "application/octet-stream");
            }
            List<ObjectMetadata> listed = store.list("s3://media/paged/");
            assertThat(listed).hasSize(23);
            assertThat(listed.get(22).uri()).isEqualTo("s3://media/paged/22.bin");
            assertThat(listed.get(22).sizeBytes()).isEqualTo(22);
        }
    }

    @Test
    void missingObjectsAndBucketsAreClearErrors() {
        try (S3ObjectStore store = new S3ObjectStore(server.settings().s3())) {
            assertThatThrownBy(() -> store.head("s3://media/nope.mp4")).isInstanceOf(ObjectNotFoundException.class)
                    .hasMessageContaining("s3://media/nope.mp4");
            assertThatThrownBy(() -> store.open("s3://media/nope.mp4")).isInstanceOf(ObjectNotFoundException.class);
            assertThatThrownBy(() -> store.list("s3://no-such-bucket/x")).isInstanceOf(IOException.class)
                    .hasMessageContaining("s3://no-such-bucket/x");
        }
    }

    @Test
    void wrongCredentialsAreReportedAsAccessDenied() {
        S3Settings wrong = new S3Settings("us-east-1", server.endpoint(), true, S3TestServer.ACCESS_KEY, "not-the-secret", 1);
        try (S3ObjectStore store = new S3ObjectStore(wrong.s3())) {
            assertThatThrownBy(() -> store.head("s3://media/in/digits.txt")).isInstanceOf(IOException.class)
                    .hasMessageContaining("access denied to head s3://media/in/digits.txt");
        }
    }

    @Test
    void badUrisAndSettingsAreRejectedClearly() {
        assertThatThrownBy(() -> S3Location.parse("file:///tmp/x")).hasMessageContaining("not an s3:// URI");
        assertThatThrownBy(() -> S3Location.parse("s3:///key")).hasMessageContaining("no bucket");
        assertThatThrownBy(() -> new S3Settings("", null, false, null, null, 3)).hasMessageContaining("region");
        assertThatThrownBy(() -> new S3Settings("eu-west-1", "localhost:9000", false, null, null, 3)).hasMessageContaining("http://");
        assertThatThrownBy(() -> new S3Settings("eu-west-1", null, false, "key", null, 3)).hasMessageContaining("both");
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
