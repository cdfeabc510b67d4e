package dev.sightline.offload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.AnalysisResult;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.TableDefinition;
import dev.sightline.video.VideoRows;
import dev.sightline.video.VideoTables;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/** A result document read back gives the very rows written: every bit of doubles, nulls, times; the ledger's own dead letter is left to the job. */
class ResultDocumentTest {

    private static final MediaObject VIDEO = new MediaObject("s3://in/a.mp4", "v1", 100, Instant.parse("2026-01-02T03:04:05.123456Z"),
            Instant.parse("2026-01-02T03:04:06Z"), "ff", MediaType.VIDEO, MediaFormat.MP4, null, null);
    private static final List<TableDefinition<?>> TABLES = tables();

    private static List<TableDefinition<?>> tables() {
        List<TableDefinition<?>> tables = new ArrayList<>(List.of(LedgerTables.MEDIA_OBJECTS, LedgerTables.DEAD_LETTERS));
        tables.addAll(VideoTables.ALL);
        return tables;
    }

    private static byte[] bytes(AnalysisResult result) throws Exception {
        return new ObjectMapper().writeValueAsString(ResultDocument.of(result)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rowsComeBackBitForBit() throws Exception {
        ObjectOutcome outcome = new ObjectOutcome(VIDEO, ObjectStatus.PARTIAL, "video", "BrokenVideo", "a.mp4: truncated",
                Instant.parse("2026-01-02T03:05:00.000001Z"));
        VideoRows.Scene scene = new VideoRows.Scene("s3://in/a.mp4", "v1", "id", "content", 0, 0, 30, 0.1 + 0.2, Math.PI / 3,
                Double.NaN, null);
        VideoRows.Detection detection = new VideoRows.Detection("s3://in/a.mp4", "v1", "id", 3, 1e-300, "person", -0.0,
                1.0 / 3, 2.0 / 3, 123.456789012345, Double.MIN_VALUE, -1);
        AnalysisResult result = new AnalysisResult(outcome);
        result.add(LedgerTables.MEDIA_OBJECTS, List.of(outcome));
        result.add(LedgerTables.DEAD_LETTERS, List.of(outcome.toDeadLetter()));
        result.add(VideoTables.SCENES, List.of(scene));
        result.add(VideoTables.DETECTIONS, List.of(detection));
        result.add(VideoTables.TRACKS, List.of());

        ResultDocument.Parsed parsed = ResultDocument.read(bytes(result), VIDEO, TABLES);

        assertThat(parsed.outcome()).isEqualTo(outcome);
        assertThat(parsed.deadLetters()).as("a partial outcome's dead letter is the branch's own").containsExactly(outcome.toDeadLetter());
        RowData sceneRow = parsed.rows().get(VideoTables.SCENES).get(0);
        RowData expected = VideoTables.SCENES.rowMapper().toRow(scene);
        assertThat(sceneRow.getDouble(7)).isEqualTo(expected.getDouble(7));
        assertThat(sceneRow.getDouble(8)).isEqualTo(Math.PI / 3);
        assertThat(sceneRow.isNullAt(9)).isTrue();
        assertThat(sceneRow.isNullAt(10)).isTrue();
        RowData detectionRow = parsed.rows().get(VideoTables.DETECTIONS).get(0);
        assertThat(detectionRow.toString()).isEqualTo(VideoTables.DETECTIONS.rowMapper().toRow(detection).toString());
        assertThat(parsed.rows().get(VideoTables.TRACKS)).isEmpty();
    }

    @Test
    void theDeadLetterOfAFailedOutcomeIsLeftToTheJob() throws Exception {
        ObjectOutcome failed = ObjectOutcome.failed(VIDEO, "video", "UndecodableVideo", "a.mp4: not a video", Instant.now());
        DeadLetter other = new DeadLetter(VIDEO.uri(), VIDEO.version(), "audio", "SoundTrackProblem", "no sound", Instant.now());
        AnalysisResult result = new AnalysisResult(failed);
        result.add(LedgerTables.MEDIA_OBJECTS, List.of(failed));
        result.add(LedgerTables.DEAD_LETTERS, List.of(other, failed.toDeadLetter()));
        assertThat(ResultDocument.read(bytes(result), VIDEO, TABLES).deadLetters()).containsExactly(other);
    }

    @Test
    void aDocumentOfAnotherObjectOrWithAnUnknownTableIsRejected() throws Exception {
        ObjectOutcome done = ObjectOutcome.done(VIDEO, "video", Instant.now());
        AnalysisResult result = new AnalysisResult(done);
        result.add(LedgerTables.MEDIA_OBJECTS, List.of(done));
        byte[] document = bytes(result);
        MediaObject other = new MediaObject("s3://in/b.mp4", "v1", 1, null, null, null, MediaType.VIDEO, MediaFormat.MP4, null, null);
        assertThatThrownBy(() -> ResultDocument.read(document, other, TABLES)).hasMessageContaining("not of this object");
        String withExtra = new String(document, StandardCharsets.UTF_8).replaceFirst("\\}$", ",\"video_faces\":[]}");
        assertThatThrownBy(() -> ResultDocument.read(withExtra.getBytes(StandardCharsets.UTF_8), VIDEO, TABLES))
                .hasMessageContaining("'video_faces', which this job does not write");
        assertThatThrownBy(() -> ResultDocument.read("{\"outcome\":".getBytes(StandardCharsets.UTF_8), VIDEO, TABLES))
                .hasMessageContaining("not JSON");
    }
}
