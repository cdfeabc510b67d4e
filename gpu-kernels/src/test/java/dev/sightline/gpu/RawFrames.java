package dev.sightline.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Real frames for machines without the videos or OpenCV (the GPU machine): raw BGR files named
 * {@code <name>-<width>x<height>.bgr} in the folder named by system property {@code sightline.frames.dir},
 * each holding one or more consecutive frames back to back (gpu-kernels/scripts/device-bundle.sh
 * writes them). Tests skip when the property or the files are absent.
 */
final class RawFrames {

    /** System property naming the folder of raw frames. */
    static final String PROPERTY = "sightline.frames.dir";

    private static final Pattern NAME = Pattern.compile("(.+)-(\\d+)x(\\d+)\\.bgr");

    /** Consecutive frames of one clip. */
    record Clip(String name, List<byte[]> frames, int width, int height) {
    }

    private RawFrames() {
    }

    /** Every clip in the frames folder; skips the test when there is none. */
    static List<Clip> clips() throws IOException {
        String dir = System.getProperty(PROPERTY);
        assumeTrue(dir != null && !dir.isBlank(), PROPERTY + " is not set");
        Path folder = Path.of(dir);
        assumeTrue(Files.isDirectory(folder), folder + " is absent");
        List<Clip> clips = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    clips.add(read(file, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                }
            }
        }
        assumeTrue(!clips.isEmpty(), "no <name>-<w>x<h>.bgr files in " + folder);
        return clips;
    }

    private static Clip read(Path file, String name, int width, int height) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int frameBytes = width * height * 3;
        if (all.length == 0 || all.length % frameBytes != 0) {
            throw new IllegalStateException(file + " has " + all.length + " bytes, not a multiple of one "
                    + width + "x" + height + " BGR frame (" + frameBytes + ")");
        }
        List<byte[]> frames = new ArrayList<>();
        for (int at = 0; at < all.length; at += frameBytes) {
            frames.add(Arrays.copyOfRange(all, at, at + frameBytes));
        }
        return new Clip(name, frames, width, height);
    }
}
