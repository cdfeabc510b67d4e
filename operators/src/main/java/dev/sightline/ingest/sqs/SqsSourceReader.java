package dev.sightline.ingest.sqs;

import dev.sightline.ingest.ObjectNotice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Polls the queue and emits what each message announces. A message is deleted only once a
 * checkpoint that covers every record emitted from it has completed; until then its visibility
 * is extended. Messages that cannot be read, or were received more than the allowed number of
 * times, are emitted as unusable (for the dead-letter path) and deleted with the same rule.
 */
final class SqsSourceReader implements SourceReader<SqsAnnouncement, SqsSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(SqsSourceReader.class);
    private static final int BATCH = 10;

    private final SqsSourceSettings settings;
    private final SourceReaderContext context;
    private final List<SqsSplit> splits = new ArrayList<>();
    private final ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();
    /** Receipt handles of messages fully emitted since the last checkpoint. */
    private final List<String> emittedSinceCheckpoint = new ArrayList<>();
    /** Receipt handles waiting for their checkpoint to complete, by checkpoint id. */
    private final NavigableMap<Long, List<String>> awaitingCheckpoint = new TreeMap<>();
    private final AtomicLong visibleBacklog = new AtomicLong(-1);
    private final AtomicLong inFlightBacklog = new AtomicLong(-1);
    private final AtomicLong lagMillis = new AtomicLong(0);
    private SqsClient client;
    private ExecutorService poller;
    private boolean polling;
    private ScheduledExecutorService housekeeping;
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile long lastNonEmptyReceiveNanos = System.nanoTime();
    private volatile boolean queueIdle;

    SqsSourceReader(SqsSourceSettings settings, SourceReaderContext context) {
        this.settings = settings;
        this.context = context;
    }

    @Override
    public void start() {
        client = settings.aws().sqs();
        var metrics = context.metricGroup();
        metrics.gauge("sqsBacklogVisible", visibleBacklog::get);
        metrics.gauge("sqsBacklogInFlight", inFlightBacklog::get);
        metrics.gauge("sqsLagMillis", lagMillis::get);
        metrics.setPendingRecordsGauge(visibleBacklog::get);
        poller = Executors.newSingleThreadExecutor(r -> daemon(r, "sqs-poller-" + context.getIndexOfSubtask()));
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sqs-housekeeping-" + context.getIndexOfSubtask()));
        startPollingOnceSplit();
        long extendEvery = Math.max(1, settings.visibilityTimeout().toMillis() / 2);
        housekeeping.scheduleWithFixedDelay(this::extendVisibility, extendEvery, extendEvery, TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(this::readBacklog, 0, settings.backlogInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void pollLoop() {
        while (!closed) {
            try {
                while (received.size() >= 10 * BATCH && !closed) {
                    Thread.sleep(50); // back-pressure: receive no more until the task has taken some
                }
                List<Message> messages = client.receiveMessage(b -> b.queueUrl(settings.queueUrl())
                        .maxNumberOfMessages(settings.maxMessages())
                        .waitTimeSeconds((int) settings.waitTime().toSeconds())
                        .visibilityTimeout((int) settings.visibilityTimeout().toSeconds())
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
                if (!messages.isEmpty()) {
                    lastNonEmptyReceiveNanos = System.nanoTime();
                    queueIdle = false;
                    received.addAll(messages);
                } else if (settings.stopWhenIdle() != null
                        && System.nanoTime() - lastNonEmptyReceiveNanos > settings.stopWhenIdle().toNanos()) {
                    queueIdle = true;
                }
                signal();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Receiving from {} failed, retrying in 1 s: {}", settings.queueUrl(), e.toString());
                sleepQuietly(1000);
            }
        }
    }

    private synchronized void signal() {
        available.complete(null);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<SqsAnnouncement> output) {
        Message message = received.poll();
        if (message == null) {
            if (queueIdle) {
                // Messages emitted so far are deleted when the final checkpoint completes.
                return InputStatus.END_OF_INPUT;
            }
            return InputStatus.NOTHING_AVAILABLE;
        }
        for (SqsAnnouncement announcement : announcements(message)) {
            output.collect(announcement);
        }
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        if (sent != null) {
            lagMillis.set(Math.max(0, System.currentTimeMillis() - Long.parseLong(sent)));
        }
        synchronized (this) {
            emittedSinceCheckpoint.add(message.receiptHandle());
        }
        return received.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    private List<SqsAnnouncement> announcements(Message message) {
        String receives = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        if (receives != null && Integer.parseInt(receives) > settings.maxReceives()) {
            return List.of(SqsAnnouncement.unusable(message.messageId(), SqsAnnouncement.TOO_MANY_RECEIVES,
                    "received " + receives + " times (more than " + settings.maxReceives() + ")", message.body()));
        }
        try {
            List<SqsAnnouncement> out = new ArrayList<>();
            for (ObjectNotice notice : S3EventMessage.createdObjects(message.body(), Instant.now())) {
                out.add(SqsAnnouncement.of(notice, message.messageId()));
            }
            return out;
        } catch (S3EventMessage.MalformedNotificationException e) {
            return List.of(SqsAnnouncement.unusable(message.messageId(), SqsAnnouncement.UNREADABLE, "unreadable notification: " + e.getMessage(), message.body()));
        }
    }

    @Override
    public synchronized List<SqsSplit> snapshotState(long checkpointId) {
        if (!emittedSinceCheckpoint.isEmpty()) {
            awaitingCheckpoint.put(checkpointId, new ArrayList<>(emittedSinceCheckpoint));
            emittedSinceCheckpoint.clear();
        }
        return List.copyOf(splits);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        List<String> handles = new ArrayList<>();
        synchronized (this) {
            Map<Long, List<String>> done = awaitingCheckpoint.headMap(checkpointId, true);
            done.values().forEach(handles::addAll);
            done.clear();
        }
        for (int i = 0; i < handles.size(); i += BATCH) {
            delete(handles.subList(i, Math.min(handles.size(), i + BATCH)));
        }
    }

    private void delete(List<String> handles) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(handles.get(i)).build());
        }
        try {
            DeleteMessageBatchResponse response = client.deleteMessageBatch(b -> b.queueUrl(settings.queueUrl()).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                // The messages come back after their visibility timeout; deduplication absorbs them.
                LOG.warn("SQS did not delete {} of {} messages: {}", response.failed().size(), handles.size(), response.failed().get(0).message());
            }
        } catch (RuntimeException e) {
            LOG.warn("Deleting {} messages from {} failed; they will be received again and deduplicated: {}",
                    handles.size(), settings.queueUrl(), e.toString());
        }
    }

    /** Keeps every received but not yet deleted message hidden while it is in flight. */
    private void extendVisibility() {
        List<String> handles = new ArrayList<>();
        received.forEach(m -> handles.add(m.receiptHandle()));
        synchronized (this) {
            handles.addAll(emittedSinceCheckpoint);
            awaitingCheckpoint.values().forEach(handles::addAll);
        }
        int seconds = (int) settings.visibilityTimeout().toSeconds();
        for (int i = 0; i < handles.size(); i += BATCH) {
            List<String> batch = handles.subList(i, Math.min(handles.size(), i + BATCH));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int j = 0; j < batch.size(); j++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(j))
                        .receiptHandle(batch.get(j)).visibilityTimeout(seconds).build());
            }
            try {
                client.changeMessageVisibilityBatch(b -> b.queueUrl(settings.queueUrl()).entries(entries));
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.warn("Extending the visibility of {} messages failed: {}", entries.size(), e.toString());
                }
            }
        }
    }

    private void readBacklog() {
        try {
            Map<QueueAttributeName, String> attributes = client.getQueueAttributes(b -> b.queueUrl(settings.queueUrl())
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            visibleBacklog.set(Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "-1")));
            inFlightBacklog.set(Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "-1")));
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn("Reading the backlog of {} failed: {}", settings.queueUrl(), e.toString());
            }
        }
    }

    @Override
    public synchronized CompletableFuture<Void> isAvailable() {
        if (!received.isEmpty() || queueIdle) {
            return CompletableFuture.completedFuture(null);
        }
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return available;
    }

    @Override
    public void addSplits(List<SqsSplit> newSplits) {
        splits.addAll(newSplits);
        startPollingOnceSplit();
    }

    /**
     * A reader polls the queue once it holds a split: the one the enumerator gives it, or the ones
     * restored with its state (which Flink adds before {@link #start()}).
     */
    private void startPollingOnceSplit() {
        if (!polling && poller != null && !splits.isEmpty()) {
            polling = true;
            poller.execute(this::pollLoop);
        }
    }

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public void close() throws Exception {
        closed = true;
        if (poller != null) {
            poller.shutdownNow();
            housekeeping.shutdownNow();
            poller.awaitTermination(settings.waitTime().toSeconds() + 5, TimeUnit.SECONDS);
        }
        if (client != null) {
            client.close();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
