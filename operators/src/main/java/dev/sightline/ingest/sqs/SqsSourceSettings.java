package dev.sightline.ingest.sqs;

import dev.sightline.cloud.S3Settings;
import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of the SQS notification source.
 *
 * @param queueUrl the queue's URL
 * @param aws region, endpoint and credentials for SQS
 * @param waitTime long-polling wait per receive (0 to 20 s)
 * @param maxMessages messages per receive (1 to 10)
 * @param visibilityTimeout how long a received message stays hidden; extended while in flight
 * @param maxReceives a message received more often than this goes to the dead-letter path
 * @param backlogInterval how often the queue's backlog is read for the metrics
 * @param stopWhenIdle end the input once the queue has been empty this long (null: never, the
 *     production setting; drains and tests use it)
 */
public record SqsSourceSettings(String queueUrl, S3Settings aws, Duration waitTime, int maxMessages, Duration visibilityTimeout,
        int maxReceives, Duration backlogInterval, Duration stopWhenIdle) implements Serializable {

    public SqsSourceSettings {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("a queue URL is needed (input.queue-url)");
        }
        if (waitTime.isNegative() || waitTime.toSeconds() > 20) {
            throw new IllegalArgumentException("SQS waits at most 20 s per receive, not " + waitTime.toSeconds() + " s");
        }
        if (maxMessages < 1 || maxMessages > 10) {
            throw new IllegalArgumentException("SQS receives 1 to 10 messages at a time, not " + maxMessages);
        }
        if (visibilityTimeout.toSeconds() < 2 || visibilityTimeout.toHours() >= 12) {
            throw new IllegalArgumentException("visibility timeout must be 2 s to 12 h, not " + visibilityTimeout);
        }
        if (maxReceives < 1) {
            throw new IllegalArgumentException("max receives must be at least 1, not " + maxReceives);
        }
    }
}
