package dev.sightline.bench;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.demo.SampleVideo;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.sink.CollectedRows;
import dev.sightline.video.DetectionSettings;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.VideoAnalysis;
import dev.sightline.video.VideoSettings;
import dev.sightline.video.VideoTables;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Video speed: frames per second for decode only, decode + scene detection, and decode +
 * scenes + people/face detection and tracking at 5 analysed frames per second, beside the
 * {@code ffmpeg} command line's decode-only speed and scene filter on the same file when ffmpeg
 * is installed. Peak heap per run shows memory flat in video length.
 */
public final class VideoBenchmark {

    private VideoBenchmark() {}

    public static void run(PrintWriter out, Path workDir, List<Path> inputs, double generatedSeconds) throws Exception {
        Files.createDirectories(workDir);
        List<Path> files = new ArrayList<>(inputs);
        if (generatedSeconds > 0) {
            Path generated = workDir.resolve(String.format("generated-1080p-%ds.mp4", (int) generatedSeconds));
            if (!Files.exists(generated)) {
                out.printf("Generating %s (1920x1080 H.264, %d s at %d fps)...%n", generated.getFileName(), (int) generatedSeconds, SampleVideo.FPS);
                out.flush();
                List<Integer> cuts = new ArrayList<>();
                for (int f = 90; f < generatedSeconds * SampleVideo.FPS; f += 90 + (f % 7) * 10) {
                    cuts.add(f);
                }
                SampleVideo.write(generated, 1920, 1080, cuts, (int) (generatedSeconds * SampleVideo.FPS));
            }
            files.add(0, generated);
        }
        out.printf("%-34s %-28s %8s %8s %10s %10s%n", "file", "pipeline", "frames", "seconds", "frames/s", "heap MiB");
        out.println("(best of 2 runs each; the first run of a JVM also loads FFmpeg and OpenCV)");
        for (Path file : files) {
            row(out, file, "sightline decode only", best(() -> decodeOnly(file)));
            row(out, file, "sightline decode + scenes", best(() -> analyze(file, workDir, DetectionSettings.OFF)));
            row(out, file, "sightline + objects 5 fps", analyze(file, workDir, DetectionSettings.DEFAULTS));
            row(out, file, "  first object layer", analyze(file, workDir,
                    DetectionSettings.DEFAULTS.withFaces(DetectionSettings.HAAR, false).withMovingObjects(false)));
            if (ffmpegInstalled()) {
                row(out, file, "ffmpeg -f null (decode)", best(() -> ffmpeg(file, List.of("-f", "null", "-"))));
                row(out, file, "ffmpeg select=gt(scene,0.3)",
                        best(() -> ffmpeg(file, List.of("-vf", "select='gt(scene,0.3)'", "-f", "null", "-"))));
            } else {
                out.println("  (ffmpeg is not installed: `apt-get install ffmpeg` adds its rows)");
            }
            out.flush();
        }
    }

    private record Measure(long frames, double seconds, double heapMiB) {}

    /** A measurement that may throw. */
    @FunctionalInterface
    private interface Run {
        Measure measure() throws Exception;
    }

    private static Measure best(Run run) throws Exception {
        Measure first = run.measure();
        Measure second = run.measure();
        return second.seconds() < first.seconds() ? second : first;
    }

    private static void row(PrintWriter out, Path file, String pipeline, Measure m) {
        out.printf("%-34s %-28s %8d %8.2f %10.1f %10s%n", file.getFileName(), pipeline, m.frames(), m.seconds(),
                m.frames() / m.seconds(), Double.isNaN(m.heapMiB()) ? "-" : String.format("%.0f", m.heapMiB()));
        out.flush();
    }

    private static Measure decodeOnly(Path file) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        HeapPeaks.reset();
        long start = System.nanoTime();
        long frames = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            VideoAnalysis.configureDecoder(grabber);
            grabber.start();
            while (grabber.grabImage() != null) {
                frames++;
            }
        }
        return new Measure(frames, (System.nanoTime() - start) / 1e9, HeapPeaks.peakBytes() / 1048576.0);
    }

    private static Measure analyze(Path file, Path workDir, DetectionSettings detection) throws Exception {
        LocalObjectStore store = new LocalObjectStore();
        MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(file));
        CollectedRows rows = new CollectedRows();
        HeapPeaks.reset();
        long start = System.nanoTime();
        VideoAnalysis.analyze(store, object, new VideoSettings(256, SceneSettings.DEFAULTS, detection,
                LocalPaths.toUri(workDir.resolve("processed"))), rows);
        return new Measure(rows.of(VideoTables.SUMMARY).get(0).framesDecoded(), (System.nanoTime() - start) / 1e9, HeapPeaks.peakBytes() / 1048576.0);
    }

    private static boolean ffmpegInstalled() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Measure ffmpeg(Path file, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "error",
                "-threads", Integer.toString(VideoAnalysis.decoderThreads()), "-i", file.toString()));
        command.addAll(args);
        long frames;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            frames = grabber.getLengthInVideoFrames();
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return new Measure(frames, (System.nanoTime() - start) / 1e9, Double.NaN);
    }

}
