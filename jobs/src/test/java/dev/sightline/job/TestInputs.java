package dev.sightline.job;

import dev.sightline.demo.SampleAudio;
import dev.sightline.demo.SampleGaze;
import dev.sightline.demo.SampleVideo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SplittableRandom;

/** Small generated recordings and broken files for job tests, written atomically into a folder. */
final class TestInputs {

    private TestInputs() {}

    static Path video(Path folder, String name) throws IOException {
        return publish(folder, name, f -> SampleVideo.write(f, 64, 48, List.of(20), 40));
    }

    static Path audio(Path folder, String name) throws IOException {
        return publish(folder, name, f -> SampleAudio.write(f, 0.5));
    }

    static Path gaze(Path folder, String name, long seed) throws IOException {
        return publish(folder, name, f -> SampleGaze.write(f, 3.0, 250, 1920, 1080, seed));
    }

    static Path corrupt(Path folder, String name) throws IOException {
        return publish(folder, name, f -> {
            byte[] noise = new byte[2048];
            new SplittableRandom(name.hashCode()).nextBytes(noise);
            Files.write(f, noise);
        });
    }

    static Path empty(Path folder, String name) throws IOException {
        return publish(folder, name, Files::createFile);
    }

    static Path copy(Path source, Path folder, String name) throws IOException {
        return publish(folder, name, f -> Files.copy(source, f));
    }

    /** The SHA-256 of a file, computed independently of the code under test. */
    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Path publish(Path folder, String name, Writer writer) throws IOException {
        Files.createDirectories(folder);
        Path hidden = folder.resolve("." + name);
        writer.write(hidden);
        return Files.move(hidden, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path file) throws IOException;
    }
}
