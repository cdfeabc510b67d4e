package dev.sightline.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.externalresource.ExternalResourceInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video branch's async stage: hands frame batches to this task's analyzers (one per analysis
 * thread; on a GPU each has its own stream) so decoding, uploads, kernels and downloads overlap.
 * A failed try is handed back to Flink's retry strategy (exponential backoff) until the last try,
 * whose failure, like a time-out, becomes a batch reported as not analysed: the video is then
 * partial, never lost, and the job keeps running. Closing records pass straight through.
 *
 * <p>Metrics: {@code analysisQueueDepth} (batches waiting or being analysed), {@code analysisBatchFrames}
 * (frames in the last batch), {@code framesAnalysed}, {@code analysisRetries}, {@code batchesNotAnalysed},
 * {@code kernelMillis} (device time of the last batch), {@code uploadBytes}.
 */
public final class AnalyzeFrames extends RichAsyncFunction<FrameBatch, FrameResults> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeFrames.class);

    /** Flink's external resource name for GPUs ({@code external-resources: gpu}). */
    public static final String GPU_RESOURCE = "gpu";

    private final FrameAnalyzerFactory analyzers;
    private final VideoSettings settings;
    /** How long close() waits for running analyses before it frees their analyzers. */
    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(60);

    private transient ExecutorService workers;
    private transient BlockingQueue<Worker> idle;
    private transient List<Worker> all;
    private transient Map<String, Integer> attempts;
    private transient AtomicInteger queueDepth;
    private transient AtomicInteger lastBatchFrames;
    private transient AtomicLong lastKernelNanos;
    private transient Counter framesAnalysed;
    private transient Counter retries;
    private transient Counter notAnalysed;
    private transient Counter uploadBytes;

    /** An analyzer with the thumbnail encoder that goes with it; used by one thread at a time. */
    /**
     * One analysis thread's analyzer and thumbnail maker, made when the worker first takes a batch:
     * a task that never sees a video (or restarts before one arrives) never loads the models. A
     * worker is used by one thread at a time, handed over through the idle queue.
     */
    private static final class Worker {
        private final FrameAnalyzerFactory factory;
        private final OptionalInt gpu;
        private final SceneSettings scenes;
        private FrameAnalyzer analyzer;
        private SceneThumbnails thumbnails;

        Worker(FrameAnalyzerFactory factory, OptionalInt gpu, SceneSettings scenes) {
            this.factory = factory;
            this.gpu = gpu;
            this.scenes = scenes;
        }

        FrameAnalyzer analyzer() throws Exception {
            if (analyzer == null) {
                analyzer = factory.create(gpu);
            }
            return analyzer;
        }

        SceneThumbnails thumbnails() {
            if (thumbnails == null) {
                thumbnails = new SceneThumbnails(scenes);
            }
            return thumbnails;
        }

        void close() throws Exception {
            if (analyzer != null) {
                analyzer.close();
            }
            if (thumbnails != null) {
                thumbnails.close();
            }
        }
    }

    public AnalyzeFrames(FrameAnalyzerFactory analyzers, VideoSettings settings) {
        this.analyzers = analyzers;
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        int threads = settings.analysis().threads();
        OptionalInt gpu = assignedGpu();
        all = new ArrayList<>();
        idle = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            Worker worker = new Worker(analyzers, gpu, settings.scenes());
            all.add(worker);
            idle.add(worker);
        }
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        AtomicInteger threadNumber = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "analyze-frames-" + subtask + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        attempts = new ConcurrentHashMap<>();
        queueDepth = new AtomicInteger();
        lastBatchFrames = new AtomicInteger();
        lastKernelNanos = new AtomicLong();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        metrics.gauge("analysisQueueDepth", queueDepth::get);
        metrics.gauge("analysisBatchFrames", lastBatchFrames::get);
        metrics.gauge("kernelMillis", () -> lastKernelNanos.get() / 1e6);
        framesAnalysed = metrics.counter("framesAnalysed");
        retries = metrics.counter("analysisRetries");
        notAnalysed = metrics.counter("batchesNotAnalysed");
        uploadBytes = metrics.counter("uploadBytes");
    }

    /** The GPU Flink assigned to this TaskManager, when GPUs are configured as an external resource. */
    private OptionalInt assignedGpu() {
        for (ExternalResourceInfo info : getRuntimeContext().getExternalResourceInfos(GPU_RESOURCE)) {
            var index = info.getProperty("index");
            if (index.isPresent()) {
                return OptionalInt.of(Integer.parseInt(index.get().trim()));
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public void asyncInvoke(FrameBatch batch, ResultFuture<FrameResults> result) {
        if (batch.end() != null) {
            result.complete(List.of(FrameResults.closing(batch)));
            return;
        }
        String id = id(batch);
        int attempt = attempts.merge(id, 1, Integer::sum);
        if (attempt > 1) {
            retries.inc();
        }
        queueDepth.incrementAndGet();
        workers.execute(() -> analyze(batch, id, attempt, result));
    }

    private void analyze(FrameBatch batch, String id, int attempt, ResultFuture<FrameResults> result) {
        Worker worker = null;
        try {
            worker = idle.take();
            FrameResults analysed = VideoAnalysis.analysed(worker.analyzer(), worker.thumbnails(), batch);
            FrameAnalyzer.DeviceWork work = worker.analyzer().lastWork();
            lastBatchFrames.set(batch.size());
            lastKernelNanos.set(work.kernelNanos());
            uploadBytes.inc(work.uploadBytes());
            framesAnalysed.inc(batch.size());
            attempts.remove(id);
            result.complete(List.of(analysed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        } catch (Exception e) {
            if (attempt >= settings.analysis().attempts()) {
                attempts.remove(id);
                notAnalysed.inc();
                LOG.warn("Batch {} of video {} failed {} times; its frames are reported as not analysed", batch.sequence(), batch.key(),
                        attempt, e);
                result.complete(List.of(FrameResults.failed(batch, "failed " + attempt + " times: " + e)));
            } else {
                result.completeExceptionally(e);
            }
        } finally {
            queueDepth.decrementAndGet();
            if (worker != null) {
                idle.add(worker);
            }
        }
    }

    @Override
    public void timeout(FrameBatch batch, ResultFuture<FrameResults> result) {
        attempts.remove(id(batch));
        notAnalysed.inc();
        LOG.warn("Batch {} of video {} timed out after {}; its frames are reported as not analysed", batch.sequence(), batch.key(),
                settings.analysis().timeout());
        result.complete(List.of(FrameResults.failed(batch, "timed out after " + settings.analysis().timeout().toMillis() + " ms")));
    }

    private static String id(FrameBatch batch) {
        return batch.key() + "#" + batch.sequence();
    }

    @Override
    public void close() throws Exception {
        if (workers != null) {
            workers.shutdownNow();
            // A worker may be inside a native call (OpenCV DNN, JCuda) that an interrupt does not
            // stop: its analyzer is freed only once it has returned, never under it (a crash of the
            // whole TaskManager on cancellation, as a restart after a failure does).
            if (!workers.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Frame analysis still ran {} s after the operator closed; its analyzers are left to the process", CLOSE_WAIT.toSeconds());
                return;
            }
        }
        if (all != null) {
            for (Worker worker : all) {
                worker.close();
            }
        }
    }
}
