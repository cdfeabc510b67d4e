package dev.sightline.cli;

import dev.sightline.bench.GazeAccuracyBenchmark;
import dev.sightline.bench.SoakBenchmark;
import dev.sightline.bench.GazePipelineBenchmark;
import dev.sightline.bench.GazeThroughputBenchmark;
import dev.sightline.bench.GpuBenchmark;
import dev.sightline.bench.IngestBenchmark;
import dev.sightline.bench.OffloadBenchmark;
import dev.sightline.bench.SceneAccuracyBenchmark;
import dev.sightline.bench.SpeechBenchmark;
import dev.sightline.bench.TrackingBenchmark;
import dev.sightline.bench.DetectionBenchmark;
import dev.sightline.bench.VideoBenchmark;
import dev.sightline.config.GazeConfig;
import dev.sightline.config.VideoConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import dev.sightline.recovery.Fault;
import dev.sightline.recovery.RecoveryBenchmark;
import dev.sightline.recovery.RecoveryDrill;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sightline bench ...}: the benchmarks whose figures docs/benchmarks.md reports. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its table (figures in docs/benchmarks.md).",
        subcommands = {BenchCommand.GazeAccuracy.class, BenchCommand.GazeThroughput.class, BenchCommand.Video.class,
            BenchCommand.Scenes.class, BenchCommand.Tracking.class, BenchCommand.Detection.class, BenchCommand.Ingest.class, BenchCommand.Speech.class,
            BenchCommand.Gpu.class, BenchCommand.Offload.class, BenchCommand.Recovery.class, BenchCommand.Soak.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Event detection scored against the Lund 2013 human coders. */
    @Command(name = "gaze-accuracy", mixinStandardHelpOptions = true,
            description = "Sample-level Cohen's kappa of the detectors against the Lund 2013 human coders, with LOSO cross-validation.")
    static final class GazeAccuracy implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of the Lund 2013 labelled CSV files.")
        Path data;

        @Option(names = "--no-cv", description = "Skip the leave-one-subject-out cross-validation.")
        boolean noCrossValidation;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            GazeAccuracyBenchmark.load(data).run(spec.commandLine().getOut(), !noCrossValidation);
            return 0;
        }
    }

    /** Gaze analysis speed single-threaded and through the whole Flink path. */
    @Command(name = "gaze-throughput", mixinStandardHelpOptions = true,
            description = "Samples per second of parse + clean + detect on generated 1000 Hz binocular recordings (CSV and Tobii TSV), "
                    + "with peak heap per recording length, and of the whole Flink path (file -> Iceberg).")
    static final class GazeThroughput implements Callable<Integer> {
        @Option(names = "--minutes", split = ",", defaultValue = "15,30,60", paramLabel = "M,...",
                description = "Recording lengths in minutes (default 15,30,60).")
        List<Double> minutes;

        @Option(names = "--repeats", defaultValue = "3", description = "Runs per length; the fastest is reported (default 3).")
        int repeats;

        @Option(names = "--skip-flink", description = "Only the single-threaded measurement.")
        boolean skipFlink;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the generated recordings go (default: a temporary folder).")
        Path workDir;

        @Mixin
        ConfigOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = workDir != null ? workDir : Files.createTempDirectory("sightline-gaze-bench");
            GazeThroughputBenchmark.run(out, dir, minutes.stream().mapToDouble(Double::doubleValue).toArray(), repeats,
                    GazeConfig.settings(options.load()));
            if (!skipFlink) {
                out.println();
                GazePipelineBenchmark.run(out, dir, minutes.stream().mapToDouble(Double::doubleValue).max().orElse(60), 2);
            }
            return 0;
        }
    }

    /** Video decode and analysis speed, beside the ffmpeg command line. */
    @Command(name = "video", mixinStandardHelpOptions = true,
            description = "Frames per second for decode, decode + scenes, decode + detection and tracking, beside ffmpeg's decode "
                    + "and scene filter, on a generated 1080p clip and the given files.")
    static final class Video implements Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "60", description = "Length of the generated 1080p clip (0: none; default 60).")
        double seconds;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the generated clip goes (default: a temporary folder).")
        Path workDir;

        @CommandLine.Parameters(paramLabel = "FILE", arity = "0..*", description = "More videos to measure, e.g. ../shared/data/video/testvideo.mp4.")
        List<Path> files = List.of();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path dir = workDir != null ? workDir : Files.createTempDirectory("sightline-video-bench");
            VideoBenchmark.run(spec.commandLine().getOut(), dir, files, seconds);
            return 0;
        }
    }

    @Command(name = "speech", mixinStandardHelpOptions = true,
            description = "Word error rate and real-time factor of the default transcriber against reference transcripts, "
                    + "then the Flink path's rate on one long recording at each parallelism.")
    static final class Speech implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "Folder of 16 kHz WAV files and a 'transcription' file of '<s> text </s> (file-id)' lines, e.g. ../shared/data/audio/librivox.")
        Path data;

        @Option(names = "--repeats", defaultValue = "4", description = "The Flink recording is the utterances this many times over (default 4).")
        int repeats;

        @Option(names = "--parallelism", split = ",", defaultValue = "1,2", paramLabel = "P,...",
                description = "Job parallelisms for the Flink path (default 1,2).")
        List<Integer> parallelisms;

        @Option(names = "--skip-flink", description = "Only the single-threaded accuracy and speed measurement.")
        boolean skipFlink;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the recordings and warehouses go (default: a temporary folder).")
        Path workDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path dir = workDir != null ? workDir : Files.createTempDirectory("sightline-speech-bench");
            SpeechBenchmark.run(spec.commandLine().getOut(), data, dir, repeats, skipFlink ? List.of() : parallelisms);
            return 0;
        }
    }

    @Command(name = "gpu", mixinStandardHelpOptions = true,
            description = "GPU offload: kernel bandwidth against the card's copy bandwidth, uploads pinned and pageable, the content "
                    + "score on 1080p frames, HOG people on GPU against its CPU twin and OpenCV, decode + analysis with GPU and CPU.")
    static final class Gpu implements Callable<Integer> {
        @Option(names = "--video", defaultValue = "../shared/data/video/vtest.avi", paramLabel = "FILE",
                description = "Video for the HOG and decode + analysis rows (default ../shared/data/video/vtest.avi).")
        Path video;

        @Option(names = "--hog-frames", defaultValue = "20", description = "Frames per HOG measurement (default 20).")
        int hogFrames;

        @Option(names = "--batch", defaultValue = "64", description = "1080p frames per kernel launch (default 64).")
        int batch;

        @Option(names = "--repeats", defaultValue = "20", description = "Timed repetitions of each kernel measurement (default 20).")
        int repeats;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            GpuBenchmark.run(spec.commandLine().getOut(), video, hogFrames, batch, repeats);
            return 0;
        }
    }

    /** Scene detection precision and recall on concatenated synthetic clips. */
    @Command(name = "scenes", mixinStandardHelpOptions = true,
            description = "Precision and recall of the scene detectors on videos concatenated from FFmpeg's synthetic sources.")
    static final class Scenes implements Callable<Integer> {
        @Option(names = "--videos", defaultValue = "10", description = "How many videos (default 10).")
        int videos;

        @Option(names = "--segments", defaultValue = "12", description = "Segments per video (default 12).")
        int segments;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SceneAccuracyBenchmark.run(spec.commandLine().getOut(), Files.createTempDirectory("sightline-scenes"), videos, segments);
            return 0;
        }
    }

    /** Tracker settings compared on one video's detections. */
    @Command(name = "tracking", mixinStandardHelpOptions = true,
            description = "Detect once in a video, then replay the detections through SORT with several settings: tracks, "
                    + "their lengths and how often a track is re-acquired under a new id.")
    static final class Tracking implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "FILE", description = "The video, e.g. ../shared/data/video/vtest.avi.")
        Path video;

        @Option(names = "--max-age", split = ",", defaultValue = "3,5,8,12",
                description = "Analysed frames a track survives unmatched, one row each (default 3,5,8,12).")
        List<Integer> maxAges;

        @Option(names = "--min-hits", split = ",", defaultValue = "2,3", description = "Matches before a track gets an id (default 2,3).")
        List<Integer> minHits;

        @CommandLine.Mixin
        ConfigOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<TrackingBenchmark.Setting> settings = new java.util.ArrayList<>();
            for (int hits : minHits) {
                for (int age : maxAges) {
                    settings.add(new TrackingBenchmark.Setting(age, hits));
                }
            }
            TrackingBenchmark.run(spec.commandLine().getOut(), video, VideoConfig.settings(options.load()).detection(), settings);
            return 0;
        }
    }

    /** The object layer old and new: false tracks on footage without people, recall on vtest.avi. */
    @Command(name = "detection", mixinStandardHelpOptions = true,
            description = "Confirmed person and face tracks per minute on public footage without people (every one false) and recall of "
                    + "hand-annotated people on vtest.avi, for the old object layer (Haar faces, every confirmed track kept) and the "
                    + "configured one (default: BlazeFace, the track filter).")
    static final class Detection implements Callable<Integer> {
        @Option(names = "--clips", defaultValue = "../clips", paramLabel = "DIR",
                description = "Folder of the public clips jobs/scripts/public-clips.sh extracts (default ../clips).")
        Path clips;

        @Option(names = "--people-free", split = ",", paramLabel = "FILE,...",
                defaultValue = "bgs-video.avi,bgs-video03.avi,cockatoo.mp4,intel-car-detection.mp4,intel-bottle-detection.mp4",
                description = "Clips in that folder with no person in them.")
        List<String> peopleFree;

        @Option(names = "--vtest", defaultValue = "../shared/data/video/vtest.avi", paramLabel = "FILE", description = "OpenCV's vtest.avi.")
        Path vtest;

        @Option(names = "--annotations", defaultValue = "operators/src/test/resources/video/vtest-people.csv", paramLabel = "FILE",
                description = "People hand-annotated on vtest.avi (frame,x,y,width,height).")
        Path annotations;

        @CommandLine.Mixin
        ConfigOptions options;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<Path> files = peopleFree.stream().map(clips::resolve).filter(Files::exists).toList();
            List<String> missing = peopleFree.stream().filter(name -> !Files.exists(clips.resolve(name))).toList();
            if (!missing.isEmpty()) {
                spec.commandLine().getErr().println("not in " + clips.toAbsolutePath().normalize() + ": " + String.join(", ", missing)
                        + " (jobs/scripts/public-clips.sh extracts them from fetched mirrors)");
            }
            if (files.isEmpty()) {
                return 2;
            }
            DetectionBenchmark.run(spec.commandLine().getOut(), files, vtest, annotations, VideoConfig.settings(options.load()).detection());
            return 0;
        }
    }

    /** Continuous S3 + SQS ingestion end to end against loopback servers. */
    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Small objects put into S3 (S3Proxy) and announced on SQS (ElasticMQ), both on loopback, while the job runs: "
                    + "sustained objects/s to an Iceberg commit and put-to-committed-row latency. Needs a built checkout.")
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--backlog", defaultValue = "10000", description = "Objects announced before the job starts, for throughput (default 10000).")
        int backlog;

        @Option(names = "--steady", defaultValue = "3000", description = "Objects put at --rate while the job runs, for latency (default 3000).")
        int steady;

        @Option(names = "--rate", defaultValue = "100", description = "Objects put per second in the steady phase (default 100).")
        double rate;

        @Option(names = "--checkpoint-interval", defaultValue = "10", description = "Seconds between checkpoints, i.e. commits (default 10).")
        int checkpointSeconds;

        @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism: SQS readers and analysis (default 2).")
        int parallelism;

        @Option(names = "--producers", defaultValue = "4", description = "Threads putting objects and sending notifications (default 4).")
        int producers;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path work = Files.createTempDirectory("sightline-bench-ingest");
            IngestBenchmark.run(spec.commandLine().getOut(), work, new IngestBenchmark.Settings(backlog, steady, rate,
                    java.time.Duration.ofSeconds(checkpointSeconds), parallelism, producers));
            return 0;
        }
    }

    /** Faults on a Flink cluster of separate processes: recovery times, nothing lost, nothing doubled. */
    @Command(name = "recovery", mixinStandardHelpOptions = true,
            description = "The job on a standalone Flink cluster of separate processes (ZooKeeper HA, checkpoints on S3) against loopback "
                    + "S3, SQS and ZooKeeper: SIGKILLs a TaskManager (cold replacement, then warm standby) and the JobManager, breaks S3 "
                    + "and SQS, and prints per fault the time to detect it, to run again and to the first commit, and objects lost or "
                    + "doubled against a fault-free run of the same objects. Needs a built checkout.")
    static final class Recovery implements Callable<Integer> {
        @Option(names = "--objects", defaultValue = "3000", description = "Small eye-tracking exports fed through the faults (default 3000).")
        int objects;

        @Option(names = "--videos", defaultValue = "6", description = "Short videos among them (default 6).")
        int videos;

        @Option(names = "--audio", defaultValue = "4", description = "Short audio files among them (default 4).")
        int audio;

        @Option(names = "--gaze", defaultValue = "6", description = "Longer gaze recordings among them (default 6).")
        int gaze;

        @Option(names = "--checkpoint-interval", defaultValue = "2", description = "Seconds between checkpoints (default 2).")
        int checkpointSeconds;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the cluster, its logs and the inputs go (default: a temporary folder).")
        Path workDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path work = workDir != null ? workDir : Files.createTempDirectory("sightline-bench-recovery");
            return RecoveryBenchmark.run(spec.commandLine().getOut(), work, new RecoveryDrill.Settings(objects, videos, audio, gaze,
                    java.time.Duration.ofSeconds(checkpointSeconds), List.of(Fault.values()))) ? 0 : 1;
        }
    }

    /** A long steady run with or without Iceberg table maintenance. */
    @Command(name = "soak", mixinStandardHelpOptions = true,
            description = "The embedded job fed at a steady rate through loopback S3 + SQS with checkpoints every 10 s: data files and "
                    + "snapshots per table, checkpoint duration and size, heap, every few minutes; then a final compaction that must leave "
                    + "every table's rows as they were. Run it once with --maintenance and once without. Needs a built checkout.")
    static final class Soak implements Callable<Integer> {
        @Option(names = "--minutes", defaultValue = "30", description = "Length of the run (default 30).")
        int minutes;

        @Option(names = "--rate", defaultValue = "5", description = "Objects put per second (default 5).")
        double rate;

        @Option(names = "--maintenance", description = "Run Iceberg table maintenance in the job.")
        boolean maintenance;

        @Option(names = "--checkpoint-interval", defaultValue = "10", description = "Seconds between checkpoints (default 10).")
        int checkpointSeconds;

        @Option(names = "--sample-every", defaultValue = "3", description = "Minutes between two readings (default 3).")
        int sampleMinutes;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path work = Files.createTempDirectory("sightline-bench-soak");
            SoakBenchmark.run(spec.commandLine().getOut(), work, new SoakBenchmark.Settings(java.time.Duration.ofMinutes(minutes), rate,
                    maintenance, java.time.Duration.ofSeconds(checkpointSeconds), java.time.Duration.ofMinutes(sampleMinutes)));
            return 0;
        }
    }

    /** Offload through the local worker pool against the in-task path. */
    @Command(name = "offload", mixinStandardHelpOptions = true,
            description = "Short videos through the embedded job in the task and through local-process workers, to committed rows:"
                    + " objects/s, and what a task adds (submit to start, result to committed row).")
    static final class Offload implements Callable<Integer> {
        @Option(names = "--videos", defaultValue = "20", description = "Videos per run (default 20).")
        int videos;

        @Option(names = "--seconds", defaultValue = "4", description = "Length of each video in seconds (default 4).")
        double seconds;

        @Option(names = "--workers", split = ",", defaultValue = "1,2", paramLabel = "N,...",
                description = "Worker counts of the local-process runs (default 1,2).")
        List<Integer> workers;

        @Option(names = "--checkpoint-interval", defaultValue = "500", description = "Milliseconds between checkpoints, i.e. commits (default 500).")
        int checkpointMillis;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "Where videos and data go (default: a temporary folder).")
        Path workDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("sightline-bench-offload");
            OffloadBenchmark.run(spec.commandLine().getOut(), work, new OffloadBenchmark.Settings(videos, seconds,
                    java.time.Duration.ofMillis(checkpointMillis), workers));
            return 0;
        }
    }
}
