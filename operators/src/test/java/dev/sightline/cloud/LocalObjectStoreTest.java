package dev.sightline.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStoreTest {

    @TempDir
    Path dir;

    private final LocalObjectStore store = new LocalObjectStore();

    @Test
    void putThenHeadListAndRangedRead() throws IOException {
        String uri = LocalPaths.toUri(dir.resolve("sub/clip one.bin"));
        ObjectMetadata put = store.put(uri, "0123456789".getBytes(StandardCharsets.US_ASCII), "application/octet-stream");
        assertThat(put.sizeBytes()).isEqualTo(10);
        assertThat(store.head(uri)).isEqualTo(put);
        assertThat(store.list(LocalPaths.toUri(dir))).containsExactly(put);
        try (InputStream in = store.open(uri, 3, 4)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("3456");
        }
        try (InputStream in = store.open(uri, 8, -1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("89");
        }
        try (var files = Files.list(dir.resolve("sub"))) {
            assertThat(files).hasSize(1); // no temporary file left behind
        }
    }

    @Test
    void aRewrittenFileIsANewVersion() throws IOException {
        Path file = dir.resolve("a.wav");
        Files.writeString(file, "one");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        String first = store.head(LocalPaths.toUri(file)).version();
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(store.head(LocalPaths.toUri(file)).version()).isNotEqualTo(first).isEqualTo("2026-01-02T00:00:00Z");
    }

    @Test
    void missingObjectsAreReportedAsSuch() {
        String uri = LocalPaths.toUri(dir.resolve("missing.mp4"));
        assertThatThrownBy(() -> store.head(uri)).isInstanceOf(ObjectNotFoundException.class).hasMessageContaining(uri);
        assertThatThrownBy(() -> store.open(uri)).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void listsOnlyUnderThePrefix() throws IOException {
        Files.createDirectories(dir.resolve("in/a"));
        Files.writeString(dir.resolve("in/a/x.csv"), "x");
        Files.writeString(dir.resolve("in/b.csv"), "b");
        Files.writeString(dir.resolve("out.csv"), "o");
        assertThat(store.list(LocalPaths.toUri(dir.resolve("in")))).extracting(m -> m.uri().substring(m.uri().indexOf("/in/")))
                .containsExactly("/in/a/x.csv", "/in/b.csv");
        assertThat(store.list(LocalPaths.toUri(dir.resolve("nowhere")))).isEmpty();
    }
}
