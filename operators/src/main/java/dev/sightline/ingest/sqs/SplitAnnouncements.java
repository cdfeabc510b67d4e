package dev.sightline.ingest.sqs;

import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.ObjectNotice;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes on the object versions the SQS source announced and turns unusable messages into
 * dead letters (side output {@link #UNUSABLE}), so one bad message never stops the job.
 */
public final class SplitAnnouncements extends ProcessFunction<SqsAnnouncement, ObjectNotice> {

    private static final long serialVersionUID = 1L;

    /** The stage name of notification reading in dead letters. */
    public static final String STAGE = "notification";
    /** Dead letters of unusable messages. */
    public static final OutputTag<DeadLetter> UNUSABLE = new OutputTag<>("unusable-notifications") {};

    private final String queueUrl;

    public SplitAnnouncements(String queueUrl) {
        this.queueUrl = queueUrl;
    }

    @Override
    public void processElement(SqsAnnouncement announcement, Context context, Collector<ObjectNotice> out) {
        if (announcement.usable()) {
            out.collect(announcement.notice());
            return;
        }
        context.output(UNUSABLE, new DeadLetter(queueUrl + "#" + announcement.messageId(), announcement.messageId(), STAGE,
                announcement.errorClass(),
                "SQS message " + announcement.messageId() + ": " + announcement.problem() + "; body: " + announcement.body(), Instant.now()));
    }
}
