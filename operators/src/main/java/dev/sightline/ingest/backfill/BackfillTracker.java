package dev.sightline.ingest.backfill;

import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectNotice;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Matches the objects a backfill listed (input 1) with the outcomes of every analysed object
 * (input 2), both keyed by object version, and reports each listed object once when it has
 * finished. An object the first-seen filter dropped as a repeat finishes with the outcome of its
 * first announcement, which this operator has kept (for the dedupe time-to-live) if it came first.
 * At the end of the listing (the bounded input 1 ends) each subtask says so.
 */
public final class BackfillTracker extends AbstractStreamOperator<BackfillEvent>
        implements TwoInputStreamOperator<ObjectNotice, ObjectOutcome, BackfillEvent>, BoundedMultiInput {
    private static final long serialVersionUID = 1L;

    private static final int LISTED = 1;
    private static final int FINISHED = 2;
    private static final int REPORTED = 4;

    private final Duration timeToLive;
    private transient ValueState<Integer> object;

    /** @param timeToLive how long an object version's state is kept: the first-seen filter's time-to-live */
    public BackfillTracker(Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    @Override
    public void open() throws Exception {
        super.open();
        ValueStateDescriptor<Integer> descriptor = new ValueStateDescriptor<>("backfill-object", Types.INT);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(timeToLive)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        object = getPartitionedState(descriptor);
    }

    @Override
    public void processElement1(StreamRecord<ObjectNotice> element) throws Exception {
        int state = current();
        if ((state & LISTED) != 0) {
            return; // listed twice (a listing split re-read after a restore)
        }
        state |= LISTED;
        output.collect(new StreamRecord<>(BackfillEvent.listed()));
        if ((state & FINISHED) != 0) {
            state = report(state);
        }
        object.update(state);
    }

    @Override
    public void processElement2(StreamRecord<ObjectOutcome> element) throws Exception {
        int state = current();
        if ((state & FINISHED) != 0) {
            return;
        }
        ObjectOutcome outcome = element.getValue();
        state |= FINISHED | outcome.object().mediaType().ordinal() << 8 | outcome.status().ordinal() << 16;
        if ((state & LISTED) != 0) {
            state = report(state);
        }
        object.update(state);
    }

    private int current() throws Exception {
        Integer state = object.value();
        return state == null ? 0 : state;
    }

    private int report(int state) {
        if ((state & REPORTED) == 0) {
            output.collect(new StreamRecord<>(BackfillEvent.finished(
                    MediaType.values()[(state >> 8) & 0xff], ObjectStatus.values()[(state >> 16) & 0xff])));
        }
        return state | REPORTED;
    }

    @Override
    public void endInput(int inputId) {
        if (inputId == 1) {
            output.collect(new StreamRecord<>(BackfillEvent.listingEnded(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                    getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks())));
        }
    }
}
