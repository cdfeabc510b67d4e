package dev.sightline.ingest.sqs;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One reader's share of the queue. SQS has no partitions or offsets: every split polls the same
 * queue and SQS spreads messages between them, so a split is only an id; what a checkpoint must
 * remember (which messages to delete) is acknowledged on checkpoint completion, and messages
 * not deleted before a failure simply become visible again.
 *
 * @param splitId {@code queue-<n>}
 */
public record SqsSplit(String splitId) implements SourceSplit {}
