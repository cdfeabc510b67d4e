package dev.sightline.ingest.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.ingest.ObjectNotice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3EventMessageTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    static String fixture(String name) throws IOException {
        try (InputStream in = S3EventMessageTest.class.getResourceAsStream("/sqs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsAnS3EventNotificationAsAwsDocumentsIt() throws Exception {
        List<ObjectNotice> notices = S3EventMessage.createdObjects(fixture("s3-put.json"), NOW);
        assertThat(notices).containsExactly(new ObjectNotice("s3://amzn-s3-demo-bucket/HappyFace.jpg",
                "d41d8cd98f00b204e9800998ecf8427e", 1024, Instant.EPOCH, NOW));
    }

    @Test
    void decodesKeysWithSpacesPlusSignsAndUnicodeAndSkipsRemovals() throws Exception {
        List<ObjectNotice> notices = S3EventMessage.createdObjects(fixture("s3-keys-and-delete.json"), NOW);
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.uri()).isEqualTo("s3://raw/study 1/my clip + notes ü 視線.mp4");
            assertThat(n.version()).isEqualTo("9b2cf535f27731c974343645a3985328-10");
            assertThat(n.sizeBytes()).isEqualTo(52428800);
        });
    }

    @Test
    void unwrapsSnsEnvelopes() throws Exception {
        assertThat(S3EventMessage.createdObjects(fixture("sns-s3-put.json"), NOW))
                .extracting(ObjectNotice::uri).containsExactly("s3://amzn-s3-demo-bucket/HappyFace.jpg");
    }

    @Test
    void readsEventBridgeObjectCreatedAndIgnoresOtherDetailTypes() throws Exception {
        assertThat(S3EventMessage.createdObjects(fixture("eventbridge-object-created.json"), NOW)).singleElement()
                .satisfies(n -> {
                    assertThat(n.uri()).isEqualTo("s3://amzn-s3-demo-source-bucket/example-key");
                    assertThat(n.version()).isEqualTo("b1946ac92492d2347c6235b4d2611184");
                    assertThat(n.lastModified()).isEqualTo(Instant.parse("2021-11-12T00:00:00Z"));
                });
        assertThat(S3EventMessage.createdObjects(fixture("eventbridge-object-deleted.json"), NOW)).isEmpty();
    }

    @Test
    void theTestEventAnnouncesNothing() throws Exception {
        assertThat(S3EventMessage.createdObjects(fixture("s3-test-event.json"), NOW)).isEmpty();
    }

    @Test
    void otherBodiesAreMalformed() {
        assertThatThrownBy(() -> S3EventMessage.createdObjects("hello", NOW)).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> S3EventMessage.createdObjects("[1,2]", NOW)).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> S3EventMessage.createdObjects("{\"foo\":1}", NOW)).hasMessageContaining("neither");
        assertThatThrownBy(() -> S3EventMessage.createdObjects(
                "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}", NOW))
                .hasMessageContaining("s3.object.key");
        assertThatThrownBy(() -> S3EventMessage.createdObjects(
                "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k%zz\",\"eTag\":\"e\"}}}]}", NOW))
                .hasMessageContaining("not URL-encoded");
    }
}
