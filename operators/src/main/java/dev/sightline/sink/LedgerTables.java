package dev.sightline.sink;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectOutcome;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** The tables every object touches: the ledger {@code media_objects} and {@code dead_letters}. */
public final class LedgerTables {

    private LedgerTables() {}

    /** One row per object version that reached the end of the job. */
    public static final TableDefinition<ObjectOutcome> MEDIA_OBJECTS = new TableDefinition<>(
            "media_objects",
            "One row per object version processed: identity, content hash, media type and outcome.",
            new Schema(
                    required(1, "uri", Types.StringType.get(), "Object URI (file:///..., s3://bucket/key)"),
                    required(2, "version", Types.StringType.get(), "Object version: S3 version id or ETag; modification time for local files"),
                    required(3, "size_bytes", Types.LongType.get(), "Size in bytes as read (as announced when unreadable)"),
                    optional(4, "sha256", Types.StringType.get(), "SHA-256 of the content, lower-case hex; null when unreadable"),
                    required(5, "media_type", Types.StringType.get(), "video, audio, gaze or unknown"),
                    required(6, "format", Types.StringType.get(), "Detected format, e.g. mp4, wav, tobii-tsv, eyelink-asc, unknown"),
                    optional(7, "last_modified", Types.TimestampType.withZone(), "Modification time reported by the store"),
                    required(8, "received_at", Types.TimestampType.withZone(), "When the job received the object's announcement"),
                    required(9, "processed_at", Types.TimestampType.withZone(), "When the job finished with the object"),
                    required(10, "status", Types.StringType.get(), "done, partial or failed"),
                    optional(11, "stage", Types.StringType.get(), "The last stage that handled the object"),
                    optional(12, "error", Types.StringType.get(), "Why the object failed; null when done")),
            List.of("received_at"),
            LedgerTables::mediaObjectRow);

    /** One row per input that could not be analysed. */
    public static final TableDefinition<DeadLetter> DEAD_LETTERS = new TableDefinition<>(
            "dead_letters",
            "Input that could not be analysed: where it failed and why.",
            new Schema(
                    required(1, "uri", Types.StringType.get(), "Object URI"),
                    required(2, "version", Types.StringType.get(), "Object version"),
                    required(3, "stage", Types.StringType.get(), "Stage that gave up, e.g. identify"),
                    required(4, "error_class", Types.StringType.get(), "Stable error name, e.g. EmptyObject, UnsupportedMediaType"),
                    optional(5, "message", Types.StringType.get(), "Human-readable reason, naming file and, where known, line"),
                    required(6, "occurred_at", Types.TimestampType.withZone(), "When the failure happened")),
            List.of("occurred_at"),
            LedgerTables::deadLetterRow);

    private static GenericRowData mediaObjectRow(ObjectOutcome outcome) {
        MediaObject object = outcome.object();
        String error = outcome.error() == null ? null
                : outcome.errorClass() == null ? outcome.error() : outcome.errorClass() + ": " + outcome.error();
        return GenericRowData.of(
                Rows.string(object.uri()),
                Rows.string(object.version()),
                object.sizeBytes(),
                Rows.string(object.sha256()),
                Rows.string(object.mediaType().label()),
                Rows.string(object.format().label()),
                Rows.timestamp(object.lastModified()),
                Rows.timestamp(object.receivedAt()),
                Rows.timestamp(outcome.processedAt()),
                Rows.string(outcome.status().label()),
                Rows.string(outcome.stage()),
                Rows.string(error));
    }

    private static GenericRowData deadLetterRow(DeadLetter letter) {
        return GenericRowData.of(
                Rows.string(letter.uri()),
                Rows.string(letter.version()),
                Rows.string(letter.stage()),
                Rows.string(letter.errorClass()),
                Rows.string(letter.message()),
                Rows.timestamp(letter.occurredAt()));
    }
}
