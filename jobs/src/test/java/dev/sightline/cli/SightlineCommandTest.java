package dev.sightline.cli;

import static dev.sightline.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.job.SightlineJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SightlineCommandTest {

    @TempDir
    Path dir;

    @Test
    void analyzePrintsTheLedgerRowAsJson() throws Exception {
        Path wav = dir.resolve("voice.wav");
        dev.sightline.demo.SampleAudio.write(wav, 0.2);
        CommandRun.Result result = run("analyze", wav.toString(), "--json");
        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/media_object/media_type").asText()).isEqualTo("audio");
        assertThat(json.at("/media_object/format").asText()).isEqualTo("wav");
        assertThat(json.at("/media_object/status").asText()).isEqualTo("done");
        assertThat(json.at("/media_object/sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(wav))));
        assertThat(json.at("/media_object/uri").asText()).isEqualTo(wav.toUri().toString());
        assertThat(json.get("dead_letters")).isEmpty();
    }

    @Test
    void analyzePrintsTheTranscriptOfSpeechWithSentimentKeywordsAndTopics() throws Exception {
        Path speech = dev.sightline.ingest.SharedData.file("audio/librivox/sense_and_sensibility_01_austen_64kb-0870.wav");
        CommandRun.Result result = run("analyze", speech.toString(), "--json");
        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/media_object/stage").asText()).isEqualTo("audio");
        JsonNode transcript = json.at("/audio_transcripts/0");
        assertThat(transcript.get("text").asText()).contains("dashwood");
        assertThat(transcript.get("backend").asText()).isEqualTo("sphinx4");
        assertThat(transcript.get("sentiment_label").asText()).isIn("positive", "negative", "neutral");
        assertThat(json.get("transcript_segments")).isNotEmpty();
        assertThat(json.get("transcript_words").size()).isEqualTo(transcript.get("words").asInt());
        assertThat(json.at("/transcript_words/0/start_s").isNumber()).isTrue();
        assertThat(json.get("transcript_keywords")).isNotEmpty();
        assertThat(json.get("transcript_topics")).isNotEmpty();
    }

    @Test
    void analyzeARecordingWithTheVideoItShowedJoinsThem() throws Exception {
        Path video = dev.sightline.attention.TwoSquares.writeVideo(dir.resolve("two-squares.mp4"));
        // an unlinked recording: the one video given is taken to fill the screen from its first sample
        Path csv = Files.writeString(dir.resolve("viewer.csv"),
                dev.sightline.attention.TwoSquares.plainCsv(new dev.sightline.attention.TwoSquares.Screen(0, 0, 1920, 1080, 0)));
        CommandRun.Result result = run("analyze", "--json", "--compact", "--set", "video.detection.detectors=moving-object",
                "--set", "video.detection.width=640", csv.toString(), video.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        String[] documents = result.out().strip().split("\n");
        JsonNode gaze = new ObjectMapper().readTree(documents[0]);
        JsonNode clip = new ObjectMapper().readTree(documents[1]);
        assertThat(gaze.at("/gaze_stimuli/0/manifest_entry").asText()).isEqualTo("command-line");
        assertThat(gaze.at("/gaze_stimuli/0/stimulus_key").asText()).isEqualTo("uri:" + video.toUri());
        JsonNode moving = null;
        for (JsonNode track : gaze.get("gaze_track_attention")) {
            if (track.get("label").asText().equals("moving-object") && (moving == null || track.get("dwell_ms").asDouble() > moving.get("dwell_ms").asDouble())) {
                moving = track;
            }
        }
        assertThat(moving).isNotNull();
        double pursuitMs = (dev.sightline.attention.TwoSquares.PURSUIT_END_S - dev.sightline.attention.TwoSquares.PURSUIT_START_S) * 1000;
        assertThat(moving.get("dwell_ms").asDouble()).isBetween(0.75 * pursuitMs, 1.25 * pursuitMs);
        assertThat(gaze.get("gaze_object_hits")).isNotEmpty();
        assertThat(gaze.get("gaze_scene_attention")).hasSize(2);
        assertThat(clip.get("video_attention")).isNotEmpty();
        assertThat(clip.at("/video_attention/0/viewers_total").asLong()).isEqualTo(1);
    }

    @Test
    void analyzeReportsABadFileWithItsDeadLetterAndExitCode3() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\nworld\n");
        CommandRun.Result result = run("analyze", "--json", "--compact", text.toString(), dir.resolve("missing.mp4").toString());
        assertThat(result.exitCode()).isEqualTo(3);
        String[] documents = result.out().strip().split("\n");
        assertThat(documents).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(documents[0]);
        assertThat(first.at("/media_object/status").asText()).isEqualTo("failed");
        assertThat(first.at("/dead_letters/0/error_class").asText()).isEqualTo("UnsupportedMediaType");
        JsonNode second = new ObjectMapper().readTree(documents[1]);
        assertThat(second.at("/dead_letters/0/error_class").asText()).isEqualTo("ObjectNotFound");
    }

    @Test
    void aBadConfigurationStopsWithExitCode2AndNamesTheKey() {
        CommandRun.Result result = run("config", "--set", "job.parallelism=-1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("configuration error").contains("'job.parallelism'");
        CommandRun.Result unknown = run("run", "--set", "inbox.folder=/x");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown configuration key 'inbox.folder'").contains("inbox.path");
    }

    @Test
    void configPrintsEveryKeyWithItsValue() {
        CommandRun.Result result = run("config", "--set", "checkpoint.interval=30s");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("checkpoint.interval    PT30S").contains("inbox.path");
    }

    @Test
    void sqlQueriesTheWarehouseThroughTheTablePlanner() throws Exception {
        // Also guards the class path: the planner needs Scala 2.12 (the SQS test server's 2.13 stays out).
        SightlineConfig config = SightlineConfig.of(java.util.Map.of(ConfigKeys.DATA_DIR.name(), dir.toString()));
        SightlineJob.prepare(config, SightlineJob.graph(config));
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        CommandRun.Result result;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            result = run("sql", "--set", "data-dir=" + dir, "select count(*) as objects from media_objects");
        } finally {
            System.setOut(original);
        }
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("objects").containsPattern("\\|\\s+0 \\|")
                .contains("1 row in set");
    }

    /** A document without the columns that hold wall-clock times, for comparing runs. */
    private static JsonNode timeless(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = new ObjectMapper().createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (!java.util.Set.of("received_at", "processed_at", "processing_s", "occurred_at").contains(e.getKey())) {
                    copy.set(e.getKey(), timeless(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = new ObjectMapper().createArrayNode();
            node.forEach(item -> copy.add(timeless(item)));
            return copy;
        }
        return node;
    }

    @Test
    void analyzeThroughTheLocalWorkerPoolGivesTheSameResultsAsWithout() throws Exception {
        Path video = dir.resolve("clip.mp4");
        dev.sightline.demo.SampleVideo.write(video, 160, 120, java.util.List.of(10, 25), 40);
        Path csv = dir.resolve("viewer.csv");
        dev.sightline.demo.SampleGaze.write(csv, 2.0, 250, 1920, 1080, 5);
        Path noise = Files.write(dir.resolve("noise.mp4"), new byte[] {0x00, 0x00, 0x00, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 1, 2, 3});
        String data = "data-dir=" + dir.resolve("data");
        CommandRun.Result inTask = run("analyze", "--json", "--compact", "--set", data, video.toString(), csv.toString(), noise.toString());
        CommandRun.Result offloaded = run("analyze", "--json", "--compact", "--set", data, "--set", "offload.backend=local-process",
                "--set", "offload.local.workers=1", video.toString(), csv.toString(), noise.toString());

        assertThat(offloaded.exitCode()).as(offloaded.err()).isEqualTo(inTask.exitCode()).isEqualTo(3); // the broken MP4
        ObjectMapper json = new ObjectMapper();
        java.util.List<String> lines = inTask.out().lines().toList();
        java.util.List<String> offloadedLines = offloaded.out().lines().toList();
        assertThat(offloadedLines).hasSameSizeAs(lines).hasSize(3);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(timeless(json.readTree(offloadedLines.get(i)))).isEqualTo(timeless(json.readTree(lines.get(i))));
        }
        assertThat(json.readTree(lines.get(0)).get("video_scenes")).hasSizeGreaterThanOrEqualTo(2);
        long recognised = lines.stream().filter(l -> {
            try {
                return !json.readTree(l).at("/media_object/media_type").asText().equals("unknown");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).count();
        try (var tasks = Files.list(dir.resolve("data/processed/offload"))) {
            assertThat(tasks.map(p -> p.getFileName().toString()).toList()).as("one task per recognised file")
                    .hasSize((int) recognised).anyMatch(n -> n.startsWith("video-")).anyMatch(n -> n.startsWith("gaze-"));
        }
    }
}
