package dev.sightline.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest completed checkpoint under a checkpoint folder ({@code <job-id>/chk-<n>/_metadata}),
 * so a restarted job resumes where the last run stopped.
 */
public final class CheckpointLocator {

    private static final String METADATA = "_metadata";

    private CheckpointLocator() {}

    /** The folder of the newest completed checkpoint, if any. */
    public static Optional<Path> latest(Path checkpointRoot) {
        if (!Files.isDirectory(checkpointRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(checkpointRoot)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(CheckpointLocator::completedCheckpoints)
                    .max(Comparator.comparing(CheckpointLocator::completedAt)
                            .thenComparing(CheckpointLocator::checkpointNumber));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + checkpointRoot, e);
        }
    }

    private static Stream<Path> completedCheckpoints(Path jobFolder) {
        try (Stream<Path> children = Files.list(jobFolder)) {
            return children
                    .filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.isRegularFile(p.resolve(METADATA)))
                    .toList()
                    .stream();
        } catch (IOException e) {
            return Stream.empty(); // a job folder removed while we look holds nothing to resume
        }
    }

    private static FileTime completedAt(Path checkpoint) {
        try {
            return Files.getLastModifiedTime(checkpoint.resolve(METADATA));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static long checkpointNumber(Path checkpoint) {
        try {
            return Long.parseLong(checkpoint.getFileName().toString().substring(4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
