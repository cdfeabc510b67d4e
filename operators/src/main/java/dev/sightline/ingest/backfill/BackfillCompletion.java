package dev.sightline.ingest.backfill;

import dev.sightline.ingest.InPrefix;
import dev.sightline.ingest.ObjectNotice;
import dev.sightline.ingest.ObjectOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when a backfill has been analysed completely: the listing has ended and every listed object
 * has an outcome, and the checkpoint holding them has completed (so their rows are committed). Then
 * it logs one line and sends the summary ({@link BackfillSummary}) to the configured notifiers,
 * once per backfill (again only if the job fails between sending and its next checkpoint). Runs
 * as one subtask and emits nothing.
 */
public final class BackfillCompletion extends ProcessFunction<BackfillEvent, Void> implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BackfillCompletion.class);

    /** The uid of the tracker; part of savepoint compatibility, never change. */
    public static final String TRACKER_UID = "backfill-tracker";
    /** The uid of this operator; part of savepoint compatibility, never change. */
    public static final String UID = "backfill-completion";

    private final String prefix;
    private final String job;
    private final List<BackfillNotifier> notifiers;
    private transient ListState<String> stored;
    private transient BackfillSummary summary;

    public BackfillCompletion(String prefix, String job, List<BackfillNotifier> notifiers) {
        this.prefix = prefix;
        this.job = job;
        this.notifiers = List.copyOf(notifiers);
    }

    /**
     * Adds the tracker and this operator behind the backfill's listed notices (as the input scope
     * lets them through) and the outcomes of every analysed object.
     */
    public static SingleOutputStreamOperator<Void> attach(DataStream<ObjectNotice> listed, DataStream<ObjectOutcome> outcomes, String prefix,
            String scope, Duration timeToLive, String job, List<BackfillNotifier> notifiers) {
        DataStream<ObjectNotice> counted = scope.isEmpty() ? listed
                : listed.filter(new InPrefix(scope)).name("backfill in " + scope).uid("backfill-scope");
        return counted.connect(outcomes)
                .keyBy(ObjectNotice::versionKey, outcome -> ObjectNotice.versionKey(outcome.object().uri(), outcome.object().version()))
                .transform("track the backfill", TypeInformation.of(BackfillEvent.class), new BackfillTracker(timeToLive))
                .uid(TRACKER_UID)
                .process(new BackfillCompletion(prefix, job, notifiers), Types.VOID)
                .setParallelism(1)
                .setMaxParallelism(1)
                .name("backfill completion")
                .uid(UID);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        stored = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("backfill-summary", Types.STRING));
        summary = new BackfillSummary(prefix, job);
        for (String json : stored.get()) {
            BackfillSummary restored = BackfillSummary.fromJson(json);
            if (prefix.equals(restored.backfill)) {
                summary = restored; // a new prefix is a new backfill
            }
        }
    }

    @Override
    public void processElement(BackfillEvent event, Context context, Collector<Void> out) {
        if (summary.completedAt != null) {
            return; // reported
        }
        boolean wasComplete = summary.complete();
        summary.add(event);
        if (!wasComplete && summary.complete() && !((StreamingRuntimeContext) getRuntimeContext()).isCheckpointingEnabled()) {
            report();
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        if (summary.complete() && summary.checkpoint == null) {
            summary.checkpoint = context.getCheckpointId();
        }
        stored.update(List.of(summary.toJson()));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (summary.completedAt == null && summary.checkpoint != null && checkpointId >= summary.checkpoint) {
            report();
        }
    }

    private void report() {
        summary.completedAt = Instant.now().toString();
        LOG.info("backfill {} complete: {}{}", prefix, summary.describe(),
                summary.checkpoint == null ? "" : "; results committed with checkpoint " + summary.checkpoint);
        for (BackfillNotifier notifier : notifiers) {
            try {
                notifier.send(summary);
                LOG.info("backfill {}: completion sent to {}", prefix, notifier.target());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("backfill {}: completion could not be sent to {}: {}", prefix, notifier.target(), e.getMessage());
            }
        }
    }
}
