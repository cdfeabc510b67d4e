package dev.sightline.demo;

import dev.sightline.cloud.LocalPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the demo's inputs, generated here and now: a video with known cuts, a spoken recording
 * ({@link SampleSpeech}), an eye-tracking CSV and one corrupt file. Each is written under a hidden name and renamed, so the
 * inbox never shows half a file.
 */
public final class DemoSamples {

    /** The frames at which the sample video cuts. */
    public static final List<Integer> VIDEO_CUTS = List.of(50, 100, 150);

    private DemoSamples() {}

    /** Writes the samples into {@code folder} and returns their URIs. */
    public static List<String> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> uris = new ArrayList<>();
        uris.add(publish(folder, "scenes-cut-at-50-100-150.mp4",
                f -> SampleVideo.write(f, 320, 240, VIDEO_CUTS, 200)));
        uris.add(publish(folder, "weather-report.wav", f -> SampleSpeech.write(f, SampleSpeech.DEMO_TEXT)));
        uris.add(publish(folder, "gaze-500hz.csv", f -> SampleGaze.write(f, 10.0, 500, 1024, 768, 42L)));
        uris.add(publish(folder, "corrupt.mp4", f -> {
            byte[] noise = new byte[4096];
            new SplittableRandom(7L).nextBytes(noise);
            Files.write(f, noise);
        }));
        return uris;
    }

    /** Writes a sample through {@code writer} to a hidden temporary name, then renames it. */
    private static String publish(Path folder, String name, SampleWriter writer) throws IOException {
        Path hidden = folder.resolve("." + name + ".part" + extensionOf(name));
        Path target = folder.resolve(name);
        writer.write(hidden);
        Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
        return LocalPaths.toUri(target);
    }

    private static String extensionOf(String name) {
        return name.substring(name.lastIndexOf('.'));
    }

    @FunctionalInterface
    private interface SampleWriter {
        void write(Path file) throws IOException;
    }
}
