package dev.sightline.offload;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.ObjectStoreFactory;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * The async operator that offloads whole analyses: each request becomes a task on the compute
 * backend ({@link Offloader}), and its outcome, with the worker's result document, flows on. In
 * flight tasks are part of the operator's checkpointed state (Flink keeps the requests); after a
 * restore they are asked for again, and the offloader finds their run or result instead of
 * starting them twice. Metrics: {@code offloadInFlight}, {@code offloadBreakerState} (0 closed,
 * 1 half-open, 2 open), {@code offloadSubmitted}, {@code offloadSucceeded}, {@code offloadFailed},
 * {@code offloadRetries}, {@code offloadFallbacks}, {@code offloadBreakerOpened}.
 */
public final class OffloadAnalysis extends RichAsyncFunction<OffloadRequest, OffloadOutcome> {
    private static final long serialVersionUID = 1L;

    private final ObjectStoreFactory stores;
    private final OffloadSettings settings;
    private final ComputeBackendFactory backends;
    private final ComputeBackendFactory inTask;
    private transient ObjectStore store;
    private transient Offloader offloader;

    /**
     * @param backends the configured backend
     * @param inTask the in-task backend for fallback runs while the breaker is open
     */
    public OffloadAnalysis(ObjectStoreFactory stores, OffloadSettings settings, ComputeBackendFactory backends,
            ComputeBackendFactory inTask) {
        this.stores = stores;
        this.settings = settings;
        this.backends = backends;
        this.inTask = inTask;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        store = stores.create();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        Counter submitted = metrics.counter("offloadSubmitted");
        Counter succeeded = metrics.counter("offloadSucceeded");
        Counter failed = metrics.counter("offloadFailed");
        Counter retries = metrics.counter("offloadRetries");
        Counter fallbacks = metrics.counter("offloadFallbacks");
        Counter opened = metrics.counter("offloadBreakerOpened");
        offloader = new Offloader(store, settings, backends.create(), inTask,
                getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks(), new Offloader.Listener() {
                    @Override
                    public void submitted(ComputeTask task, String backend) {
                        submitted.inc();
                    }

                    @Override
                    public void finished(OffloadOutcome outcome) {
                        (ComputeRun.SUCCEEDED.equals(outcome.status()) ? succeeded : failed).inc();
                    }

                    @Override
                    public void retried(ComputeTask task, Exception problem) {
                        retries.inc();
                    }

                    @Override
                    public void fellBack(ComputeTask task) {
                        fallbacks.inc();
                    }

                    @Override
                    public void breakerChanged(CircuitBreaker.State from, CircuitBreaker.State to) {
                        if (to == CircuitBreaker.State.OPEN) {
                            opened.inc();
                        }
                    }
                });
        metrics.gauge("offloadInFlight", offloader::inFlight);
        metrics.gauge("offloadBreakerState", () -> offloader.breakerState().ordinal());
    }

    @Override
    public void asyncInvoke(OffloadRequest request, ResultFuture<OffloadOutcome> result) {
        offloader.offload(request).thenAccept(outcome -> result.complete(List.of(outcome)));
    }

    @Override
    public void timeout(OffloadRequest request, ResultFuture<OffloadOutcome> result) {
        result.complete(List.of(offloader.timedOut(request)));
    }

    @Override
    public void close() throws Exception {
        if (offloader != null) {
            offloader.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
