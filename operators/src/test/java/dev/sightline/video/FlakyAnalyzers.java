package dev.sightline.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;

/**
 * CPU analyzers made slow and unreliable on purpose, for the async operator's tests: each call
 * sleeps, the first try of some batches fails, some batches always fail, some take longer than
 * any time-out. Every successful analysis leaves a marker file named for its batch, so a test can
 * count how often each batch was analysed across the job's tasks.
 *
 * @param markers folder for the marker files
 * @param sleepMillis how long every call sleeps
 * @param failFirstEvery the first try of every batch whose sequence is a multiple of this fails (0: none)
 * @param alwaysFail batches (by sequence) that fail on every try
 * @param hang batches (by sequence) that take 60 s
 */
record FlakyAnalyzers(String markers, long sleepMillis, int failFirstEvery, Set<Integer> alwaysFail, Set<Integer> hang,
        DetectionSettings detection) implements FrameAnalyzerFactory {

    @Override
    public FrameAnalyzer create(OptionalInt assignedGpu) {
        CpuFrameAnalyzer cpu = new CpuFrameAnalyzer(detection);
        return new FrameAnalyzer() {
            @Override
            public FrameAnalysis analyze(FrameBatch batch) throws Exception {
                Path folder = Path.of(markers);
                String name = batch.key() + "-" + batch.sequence();
                Thread.sleep(hang.contains(batch.sequence()) ? 60_000 : sleepMillis);
                if (alwaysFail.contains(batch.sequence())) {
                    throw new IOException("analyzer unavailable for batch " + batch.sequence());
                }
                if (failFirstEvery > 0 && batch.sequence() % failFirstEvery == 0
                        && !Files.exists(folder.resolve(name + ".tried"))) {
                    Files.createFile(folder.resolve(name + ".tried"));
                    throw new IOException("transient failure of batch " + batch.sequence());
                }
                FrameAnalysis analysis = cpu.analyze(batch);
                mark(folder, name);
                return analysis;
            }

            @Override
            public void close() {
                cpu.close();
            }
        };
    }

    private static void mark(Path folder, String name) {
        try {
            for (int i = 0; ; i++) {
                Path marker = folder.resolve(name + ".done." + i);
                if (!Files.exists(marker)) {
                    Files.createFile(marker);
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
