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
    private transient boolean complete;
    private transient long completeAtCheckpoint;
    private transient boolean reported;

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
                .keyBy(ObjectNotice::versionKey, outcome -> outcome.object().uri() + '\u0000' + outcome.object().version())
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
        reported = summary.completedAt != null;
        complete = summary.complete();
        completeAtCheckpoint = summary.checkpoint == null ? -1 : summary.checkpoint;
    }

    @Override
    public void processElement(BackfillEvent event, Context context, Collector<Void> out) {
        if (reported) {
            return;
        }
        summary.add(event);
        if (!complete && summary.complete()) {
            complete = true;
            if (!((StreamingRuntimeContext) getRuntimeContext()).isCheckpointingEnabled()) {
                report();
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        if (complete && completeAtCheckpoint < 0) {
            completeAtCheckpoint = context.getCheckpointId();
            summary.checkpoint = completeAtCheckpoint;
        }
        stored.update(List.of(summary.toJson()));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (!reported && completeAtCheckpoint >= 0 && checkpointId >= completeAtCheckpoint) {
            report();
        }
    }

    private void report() {
        reported = true;
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
