package dev.sightline.bench;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.gpu.CudaDevice;
import dev.sightline.gpu.HogThroughput;
import dev.sightline.gpu.KernelBenchmark;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.sink.CollectedRows;
import dev.sightline.video.CpuFrameAnalyzer;
import dev.sightline.video.DetectionSettings;
import dev.sightline.video.FrameAnalyzer;
import dev.sightline.video.GpuFrameAnalyzer;
import dev.sightline.video.HogPeopleDetector;
import dev.sightline.video.SceneSettings;
import dev.sightline.video.VideoAnalysis;
import dev.sightline.video.VideoSettings;
import dev.sightline.video.VideoTables;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * GPU offload figures: per kernel the bandwidth it reaches against the card's own copy
 * bandwidth, uploads pinned against pageable, the content score on 1080p frames resident and
 * with uploads, HOG people detection on GPU against its CPU twin and OpenCV's CPU HOG, and
 * decode + analysis of a video with the GPU and the CPU analyzers. Without a usable GPU it prints
 * the CPU figures and says why the GPU ones are missing.
 */
public final class GpuBenchmark {

    private GpuBenchmark() {}

    public static void run(PrintWriter out, Path video, int hogFrames, int batch, int repeats) throws Exception {
        Optional<String> missing = CudaDevice.unavailableReason();
        out.println(missing.map(reason -> "GPU: none usable (" + reason + "); CPU figures only")
                .orElseGet(GpuBenchmark::deviceLine));
        out.println();
        out.println("Kernels (1080p frames)");
        out.printf("%-44s %14s %-8s %s%n", "measure", "value", "unit", "note");
        for (KernelBenchmark.Row row : new KernelBenchmark(batch, repeats).run()) {
            out.printf("%-44s %14.1f %-8s %s%n", row.name(), row.value(), row.unit(), row.note());
            out.flush();
        }
        out.println();
        hog(out, video, hogFrames, missing.isEmpty());
        out.println();
        decodeAndAnalysis(out, video, missing.isEmpty());
        out.flush();
    }

    private static String deviceLine() {
        try (CudaDevice device = CudaDevice.open(0)) {
            return String.format("GPU: %s, %.1f GiB", device.name(), device.totalMemoryBytes() / 1073741824.0);
        }
    }

    /** HOG people frames/s on one frame of the video scaled to the branch's detection width. */
    private static void hog(PrintWriter out, Path video, int frames, boolean gpu) throws Exception {
        if (!Files.exists(video)) {
            out.println("HOG: " + video + " is absent; skipped");
            return;
        }
        int width = DetectionSettings.DEFAULTS.detectionWidth();
        try (Mat frame = firstFrame(video, width)) {
            int height = frame.rows();
            byte[] bgr = new byte[(int) (frame.total() * 3)];
            frame.data().get(bgr);
            out.printf("HOG people detection, %s frame scaled to %dx%d, %d frames%n", video.getFileName(), width, height, frames);
            out.printf("%-28s %12s %16s %12s%n", "detector", "frames/s", "kernel ms/frame", "detections");
            double opencv = openCvHog(frame, frames, out);
            HogThroughput.Result twin = HogThroughput.twin(bgr, width, height, frames);
            out.printf("%-28s %12.2f %16s %12d%n", "Sightline CPU twin", twin.framesPerSecond(), "-", twin.detections());
            if (gpu) {
                try (CudaDevice device = CudaDevice.open(0)) {
                    HogThroughput.Result g = HogThroughput.gpu(device, bgr, width, height, frames);
                    out.printf("%-28s %12.2f %16.3f %12d%n", "Sightline GPU", g.framesPerSecond(), g.kernelMillisPerFrame(), g.detections());
                    out.printf("GPU against OpenCV's CPU HOG: %.1fx; against the twin: %.1fx%n", g.framesPerSecond() / opencv,
                            g.framesPerSecond() / twin.framesPerSecond());
                }
            } else {
                out.println("Sightline GPU: no GPU");
            }
        }
    }

    /** OpenCV's CPU HOG as the video branch runs it ({@link HogPeopleDetector}, no score filter). */
    private static double openCvHog(Mat frame, int frames, PrintWriter out) {
        try (HogPeopleDetector hog = new HogPeopleDetector(Double.NEGATIVE_INFINITY)) {
            int found = hog.detect(frame).size();
            long start = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                found = hog.detect(frame).size();
            }
            double fps = frames / ((System.nanoTime() - start) / 1e9);
            out.printf("%-28s %12.2f %16s %12d%n", "OpenCV CPU HOG", fps, "-", found);
            return fps;
        }
    }

    private static Mat firstFrame(Path video, int width) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame = grabber.grabImage();
            Mat picture = converter.convert(frame);
            int height = (int) Math.round(picture.rows() * (width / (double) picture.cols()));
            Mat scaled = new Mat();
            opencv_imgproc.resize(picture, scaled, new Size(width, height), 0, 0, opencv_imgproc.INTER_LINEAR);
            return scaled;
        }
    }

    /** Frames/s of decode + analysis (scenes and people at 5 frames/s) with each analyzer. */
    private static void decodeAndAnalysis(PrintWriter out, Path video, boolean gpu) throws Exception {
        if (!Files.exists(video)) {
            return;
        }
        DetectionSettings people = new DetectionSettings(5, 1152, true, false, 0.3, 3, 3, 0.3);
        VideoSettings settings = new VideoSettings(256, SceneSettings.DEFAULTS, people, null);
        MediaObject object = new ObjectInspector(new LocalObjectStore()).inspect(LocalPaths.toUri(video));
        out.printf("Decode + analysis of %s (scenes, HOG people at 5 frames/s, 1152 px)%n", video.getFileName());
        out.printf("%-28s %10s %10s %12s%n", "analyzer", "frames", "seconds", "frames/s");
        try (FrameAnalyzer cpu = new CpuFrameAnalyzer(people)) {
            analysis(out, "CPU", object, settings, cpu);
        }
        if (gpu) {
            try (FrameAnalyzer analyzer = GpuFrameAnalyzer.open(0, people)) {
                analysis(out, "GPU", object, settings, analyzer);
            }
        } else {
            out.println("GPU: no GPU");
        }
    }

    private static void analysis(PrintWriter out, String name, MediaObject object, VideoSettings settings, FrameAnalyzer analyzer) {
        CollectedRows rows = new CollectedRows();
        long start = System.nanoTime();
        VideoAnalysis.analyze(new LocalObjectStore(), object, settings, analyzer, rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        long frames = rows.of(VideoTables.SUMMARY).get(0).framesDecoded();
        out.printf("%-28s %10d %10.2f %12.1f%n", name, frames, seconds, frames / seconds);
        out.flush();
    }
}
