package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.audio.AudioTables;
import dev.sightline.audio.ReferenceTranscripts;
import dev.sightline.audio.SpeechRecordings;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.TestCluster;
import dev.sightline.sink.TableDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read speech as a WAV file and as the sound track of an MP4 dropped into the inbox → rows in
 * every audio table; a truncated WAV → a partial transcript and a dead letter. Skips without
 * ../shared/data.
 */
class AudioBranchEndToEndTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

    @TempDir
    Path data;

    @Test
    void speechInAnAudioFileAndAVideoFillsEveryAudioTable() throws Exception {
        List<ReferenceTranscripts.Reference> reads = SpeechRecordings.libriVox();
        SightlineConfig config = SightlineConfig.of(Map.of(
                ConfigKeys.DATA_DIR.name(), data.toString(),
                ConfigKeys.CHECKPOINT_INTERVAL.name(), "500ms",
                ConfigKeys.INBOX_SCAN_INTERVAL.name(), "200ms",
                ConfigKeys.PARALLELISM.name(), "2",
                ConfigKeys.VIDEO_DETECTORS.name(), "face"));
        Path inbox = Files.createDirectories(config.get(ConfigKeys.INBOX_PATH));
        Path staging = Files.createDirectories(data.resolve("staging"));
        Files.copy(reads.get(2).wav(), staging.resolve("reading.wav"));
        SpeechRecordings.videoWithSound(reads.get(0).wav(), staging.resolve("talk.mp4"));
        Path whole = SpeechRecordings.wav(staging.resolve("whole.wav"), SpeechRecordings.silence(4));
        Files.write(staging.resolve("cut.wav"), Arrays.copyOf(Files.readAllBytes(whole), (int) Files.size(whole) / 2));
        for (String name : List.of("reading.wav", "talk.mp4", "cut.wav")) {
            Files.move(staging.resolve(name), inbox.resolve(name));
        }

        JobClient job = TestJob.assembled(config, null, null).executeAsync("audio end-to-end");
        try {
            Tables.awaitRows(config, "audio_transcripts", rows -> rows.size() == 3, Duration.ofMinutes(4));
            Tables.awaitRows(config, "media_objects", rows -> rows.size() == 3, Duration.ofMinutes(1));
        } finally {
            job.cancel().get();
        }
        String reading = uri(inbox, "reading.wav");
        String talk = uri(inbox, "talk.mp4");
        for (TableDefinition<?> table : AudioTables.ALL) {
            List<Record> rows = Tables.read(config, table.name());
            assertThat(rows).as(table.name() + " rows of the WAV").anyMatch(r -> reading.equals(r.getField("uri")));
            assertThat(rows).as(table.name() + " rows of the video's sound").anyMatch(r -> talk.equals(r.getField("uri")));
        }
        Map<Object, Record> transcripts = Tables.read(config, "audio_transcripts").stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.getField("uri"), r -> r));
        assertThat((String) transcripts.get(reading).getField("text")).contains("cold hearted");
        assertThat((String) transcripts.get(talk).getField("text")).contains("dashwood");
        assertThat(transcripts.get(talk).getField("media_type")).isEqualTo("video");
        assertThat(transcripts.get(uri(inbox, "cut.wav")).getField("partial")).isEqualTo(true);

        Map<Object, Object> status = Tables.read(config, "media_objects").stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.getField("uri"), r -> r.getField("status")));
        assertThat(status).containsEntry(reading, "done").containsEntry(talk, "done").containsEntry(uri(inbox, "cut.wav"), "partial");
        assertThat(Tables.read(config, "dead_letters")).singleElement().satisfies(letter -> {
            assertThat(letter.getField("uri")).isEqualTo(uri(inbox, "cut.wav"));
            assertThat(letter.getField("stage")).isEqualTo("audio");
            assertThat((String) letter.getField("message")).contains("truncated");
        });
    }

    private static String uri(Path inbox, String name) {
        return dev.sightline.cloud.LocalPaths.toUri(inbox.resolve(name));
    }
}
