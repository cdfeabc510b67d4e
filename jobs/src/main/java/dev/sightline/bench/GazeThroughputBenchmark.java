package dev.sightline.bench;

import dev.sightline.gaze.GazeFormats;
import dev.sightline.gaze.GazeSettings;
import dev.sightline.gaze.GazeTables;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.sink.RowSink;
import dev.sightline.sink.TableDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Single-threaded speed of parse + clean + detect on generated 1000 Hz binocular recordings
 * (plain CSV and Tobii TSV), with the peak heap of each run, for several recording lengths.
 */
public final class GazeThroughputBenchmark {

    /** Samples per second and peak heap of one run. */
    public record Run(String layout, double minutes, long samples, double seconds, long peakHeapBytes, long fixations) {
        double samplesPerSecond() {
            return samples / seconds;
        }
    }

    private final GazeSettings settings;

    public GazeThroughputBenchmark(GazeSettings settings) {
        this.settings = settings;
    }

    /** Analyses a file {@code repeats} times; keeps the fastest run. */
    public Run measure(Path file, MediaFormat format, String layout, double minutes, long samples, int repeats) throws IOException {
        Run best = null;
        for (int r = 0; r < repeats; r++) {
            HeapPeaks.reset();
            long[] fixations = {0};
            RowSink counting = new RowSink() { // counts fixations, drops every row: the benchmark measures analysis, not output
                @Override
                public <T> void add(TableDefinition<T> table, T row) {
                    if (table == GazeTables.FIXATIONS) {
                        fixations[0]++;
                    }
                }
            };
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                GazeFormats.analyze(file.toUri().toString(), "bench", format, in, settings, counting);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Run run = new Run(layout, minutes, samples, seconds, HeapPeaks.peakBytes(), fixations[0]);
            if (best == null || run.seconds() < best.seconds()) {
                best = run;
            }
        }
        return best;
    }

    /** Runs the benchmark over recordings of the given lengths and prints a table. */
    public static void run(PrintWriter out, Path workDir, double[] minutes, int repeats, GazeSettings settings) throws IOException {
        Files.createDirectories(workDir);
        GazeThroughputBenchmark bench = new GazeThroughputBenchmark(settings);
        GazeRecordingWriter writer = new GazeRecordingWriter();
        out.printf("Single thread, parse + clean + detect (adaptive), 1000 Hz binocular; best of %d runs; JVM max heap %d MiB%n%n",
                repeats, Runtime.getRuntime().maxMemory() >> 20);
        out.printf("%-10s %8s %12s %10s %16s %14s %10s%n", "format", "minutes", "samples", "seconds", "samples/s", "peak heap MiB", "fixations");
        for (double m : minutes) {
            for (GazeRecordingWriter.Layout layout : GazeRecordingWriter.Layout.values()) {
                Path file = workDir.resolve(String.format("gaze-%smin.%s", (int) m, layout == GazeRecordingWriter.Layout.CSV ? "csv" : "tsv"));
                long samples = writer.write(file, layout, m * 60, 1000, 42);
                MediaFormat format = layout == GazeRecordingWriter.Layout.CSV ? MediaFormat.GAZE_CSV : MediaFormat.TOBII_TSV;
                Run run = bench.measure(file, format, layout.name().toLowerCase(), m, samples, repeats);
                out.printf("%-10s %8.0f %,12d %10.2f %,16.0f %14.1f %,10d%n", run.layout(), m, samples, run.seconds(),
                        run.samplesPerSecond(), run.peakHeapBytes() / 1048576.0, run.fixations());
                out.flush();
                Files.delete(file);
            }
        }
    }
}
