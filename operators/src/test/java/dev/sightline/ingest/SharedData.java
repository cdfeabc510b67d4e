package dev.sightline.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/data for tests; tests that need it skip when it is absent. */
public final class SharedData {

    private SharedData() {}

    /** A file under the shared data folder; skips the calling test when it is absent. */
    public static Path file(String relative) {
        String configured = System.getProperty("sightline.shared.data");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        Path file = root.resolve(relative);
        assumeTrue(Files.exists(file), "shared test data absent: " + file);
        return file;
    }
}
