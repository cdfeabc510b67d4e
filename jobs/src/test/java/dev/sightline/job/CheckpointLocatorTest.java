package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointLocatorTest {

    @TempDir
    Path root;

    private Path checkpoint(String job, int n, String completedAt) throws Exception {
        Path dir = Files.createDirectories(root.resolve(job).resolve("chk-" + n));
        Path metadata = Files.writeString(dir.resolve("_metadata"), "m");
        Files.setLastModifiedTime(metadata, FileTime.from(Instant.parse(completedAt)));
        return dir;
    }

    @Test
    void findsTheNewestCompletedCheckpointAcrossRuns() throws Exception {
        checkpoint("job-a", 7, "2026-01-01T10:00:00Z");
        Path newest = checkpoint("job-b", 2, "2026-01-01T11:00:00Z");
        checkpoint("job-b", 1, "2026-01-01T10:30:00Z");
        Files.createDirectories(root.resolve("job-b/chk-3")); // in progress: no _metadata yet
        Files.createDirectories(root.resolve("job-b/shared"));
        assertThat(CheckpointLocator.latest(root)).contains(newest);
    }

    @Test
    void findsNothingInAnEmptyOrMissingFolder() {
        assertThat(CheckpointLocator.latest(root)).isEmpty();
        assertThat(CheckpointLocator.latest(root.resolve("missing"))).isEmpty();
    }
}
