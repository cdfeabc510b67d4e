package dev.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.ObjectMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectInspectorTest {

    @TempDir
    Path dir;

    private final LocalObjectStore store = new LocalObjectStore();

    private MediaObject inspect(Path file) throws IOException {
        ObjectMetadata metadata = store.head(LocalPaths.toUri(file));
        return new ObjectInspector(store).inspect(new ObjectNotice(
                metadata.uri(), metadata.version(), metadata.sizeBytes(), metadata.lastModified(), Instant.now()));
    }

    @Test
    void hashesAndSniffsAWholeObject() throws IOException {
        Path file = dir.resolve("gaze.csv");
        Files.writeString(file, "time,x,y\n0,1,2\n1,2,3\n2,3,4\n");
        MediaObject object = inspect(file);
        assertThat(object.identified()).isTrue();
        assertThat(object.mediaType()).isEqualTo(MediaType.GAZE);
        assertThat(object.format()).isEqualTo(MediaFormat.GAZE_CSV);
        assertThat(object.sizeBytes()).isEqualTo(Files.size(file));
        // echo -n 'abc' | sha256sum: the published SHA-256 test vector
        Path abc = dir.resolve("abc.csv");
        Files.writeString(abc, "abc");
        assertThat(inspect(abc).sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(object.sha256()).isEqualTo(sha256Hex(Files.readAllBytes(file)));
    }

    @Test
    void hashesObjectsLargerThanTheSniffWindow() throws IOException {
        Path file = dir.resolve("big.wav");
        byte[] content = new byte[3 * MediaSniffer.HEAD_BYTES + 17];
        System.arraycopy("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1), 0, content, 0, 16);
        for (int i = 16; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Files.write(file, content);
        MediaObject object = inspect(file);
        assertThat(object.format()).isEqualTo(MediaFormat.WAV);
        assertThat(object.sizeBytes()).isEqualTo(content.length);
        assertThat(object.sha256()).isEqualTo(sha256Hex(content));
    }

    @Test
    void anEmptyObjectFails() throws IOException {
        Path file = dir.resolve("empty.mp4");
        Files.createFile(file);
        MediaObject object = inspect(file);
        assertThat(object.identified()).isFalse();
        assertThat(object.errorClass()).isEqualTo(ObjectInspector.EMPTY_OBJECT);
        assertThat(object.error()).contains("empty").contains("empty.mp4");
    }

    @Test
    void aVanishedObjectFails() throws IOException {
        Path file = dir.resolve("gone.wav");
        Files.writeString(file, "RIFF");
        ObjectMetadata metadata = store.head(LocalPaths.toUri(file));
        Files.delete(file);
        MediaObject object = new ObjectInspector(store).inspect(new ObjectNotice(
                metadata.uri(), metadata.version(), metadata.sizeBytes(), metadata.lastModified(), Instant.now()));
        assertThat(object.errorClass()).isEqualTo(ObjectInspector.OBJECT_NOT_FOUND);
        assertThat(object.mediaType()).isEqualTo(MediaType.UNKNOWN);
    }

    @Test
    void anUnreadableObjectFails() throws IOException {
        Path file = dir.resolve("locked.wav");
        Files.writeString(file, "RIFF\0\0\0\0WAVE");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as a user who reads anything");
        assertThat(inspect(file).errorClass()).isEqualTo(ObjectInspector.UNREADABLE_OBJECT);
    }

    @Test
    void unrecognisedContentFailsWithTheReason() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "just some words\nand more words\n");
        MediaObject object = inspect(file);
        assertThat(object.errorClass()).isEqualTo(ObjectInspector.UNSUPPORTED_MEDIA_TYPE);
        assertThat(object.error()).startsWith("notes.txt: ");
        assertThat(object.sha256()).isEqualTo(sha256Hex(Files.readAllBytes(file)));
    }

    static String sha256Hex(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
