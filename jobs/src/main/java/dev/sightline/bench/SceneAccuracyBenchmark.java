package dev.sightline.bench;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.sink.CollectedRows;
import dev.sightline.video.DetectionSettings;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.VideoAnalysis;
import dev.sightline.video.VideoRows;
import dev.sightline.video.VideoSettings;
import dev.sightline.video.VideoTables;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Scene detection precision and recall on videos built by concatenating clips of FFmpeg's
 * synthetic sources (lavfi, through the bundled FFmpeg: test patterns, fractal zooms, cellular
 * automata, noise-free and busy) with known cut frames.
 */
public final class SceneAccuracyBenchmark {

    /** lavfi sources, each a distinct picture; several move or flicker every frame. */
    public static final List<String> SOURCES = List.of(
            "testsrc2=size=%dx%d:rate=25", "smptehdbars=size=%dx%d:rate=25", "mandelbrot=size=%dx%d:rate=25",
            "life=size=%dx%d:rate=25:mold=10:ratio=0.4:death_color=#202040:life_color=#40e0a0",
            "rgbtestsrc=size=%dx%d:rate=25", "cellauto=size=%dx%d:rate=25:rule=110",
            "testsrc=size=%dx%d:rate=25", "yuvtestsrc=size=%dx%d:rate=25");

    /** Counts of one detector's cuts against the truth. */
    public record Score(String detector, long truePositives, long falsePositives, long falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : truePositives / (double) (truePositives + falseNegatives);
        }
    }

    private SceneAccuracyBenchmark() {}

    /** Writes a video of random segments from {@link #SOURCES}; returns the true cut frames. */
    public static List<Long> writeConcatenation(Path file, int width, int height, int segments, long seed) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> cuts = new ArrayList<>();
        long frame = 0;
        int previous = -1;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(25);
            recorder.setVideoBitrate(2_000_000);
            recorder.start();
            for (int s = 0; s < segments; s++) {
                int source;
                do {
                    source = random.nextInt(SOURCES.size());
                } while (source == previous);
                previous = source;
                int length = 20 + random.nextInt(100);
                if (s > 0) {
                    cuts.add(frame);
                }
                int skip = random.nextInt(50); // a different stretch of the source each time (lavfi cannot seek)
                try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(String.format(SOURCES.get(source), width, height))) {
                    grabber.setFormat("lavfi");
                    grabber.start();
                    for (int i = 0; i < skip; i++) {
                        grabber.grabImage();
                    }
                    for (int i = 0; i < length; i++) {
                        Frame picture = grabber.grabImage();
                        if (picture == null) {
                            break;
                        }
                        recorder.record(picture);
                        frame++;
                    }
                }
            }
            recorder.stop();
        }
        return cuts;
    }

    /** Scores the detectors on one video with known cuts; a cut counts if within one frame. */
    public static List<Score> score(Path file, List<Long> truth) throws Exception {
        LocalObjectStore store = new LocalObjectStore();
        MediaObject object = new ObjectInspector(store).inspect(LocalPaths.toUri(file));
        CollectedRows rows = new CollectedRows();
        VideoAnalysis.analyze(store, object, new VideoSettings(256, new SceneSettings(List.of("content", "adaptive"), 27, 15, 3.0, 2, 15),
                DetectionSettings.OFF, null), rows);
        List<Score> scores = new ArrayList<>();
        for (String detector : List.of("content", "adaptive")) {
            List<Long> found = VideoRows.cuts(rows.of(VideoTables.SCENES), detector);
            long tp = found.stream().filter(f -> truth.stream().anyMatch(t -> Math.abs(t - f) <= 1)).count();
            long fn = truth.stream().filter(t -> found.stream().noneMatch(f -> Math.abs(t - f) <= 1)).count();
            scores.add(new Score(detector, tp, found.size() - tp, fn));
        }
        return scores;
    }

    public static void run(PrintWriter out, Path workDir, int videos, int segments) throws Exception {
        Files.createDirectories(workDir);
        long[][] totals = new long[2][3];
        out.printf("%d videos of %d segments (640x360 H.264, 25 fps) from lavfi sources %s%n", videos, segments,
                SOURCES.stream().map(s -> s.substring(0, s.indexOf('='))).toList());
        for (int v = 0; v < videos; v++) {
            Path file = workDir.resolve("concat-" + v + ".mp4");
            List<Long> truth = writeConcatenation(file, 640, 360, segments, v);
            List<Score> scores = score(file, truth);
            for (int d = 0; d < 2; d++) {
                totals[d][0] += scores.get(d).truePositives();
                totals[d][1] += scores.get(d).falsePositives();
                totals[d][2] += scores.get(d).falseNegatives();
            }
            Files.delete(file);
        }
        out.printf("%-10s %6s %6s %6s %10s %8s%n", "detector", "TP", "FP", "FN", "precision", "recall");
        String[] names = {"content", "adaptive"};
        for (int d = 0; d < 2; d++) {
            Score s = new Score(names[d], totals[d][0], totals[d][1], totals[d][2]);
            out.printf("%-10s %6d %6d %6d %10.3f %8.3f%n", s.detector(), s.truePositives(), s.falsePositives(), s.falseNegatives(),
                    s.precision(), s.recall());
        }
        out.flush();
    }

    /**
     * Whether FFmpeg's lavfi input is there: it lives in libavdevice, which the bundled FFmpeg
     * loads only when the system has PulseAudio's client library (libpulse.so.0, Debian's libpulse0).
     */
    public static boolean lavfiAvailable() {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber("testsrc=size=16x16:rate=1")) {
            grabber.setFormat("lavfi");
            grabber.start();
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
