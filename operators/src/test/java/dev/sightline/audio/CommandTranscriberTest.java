package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.MemoryObjectStore;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.ingest.MediaObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command backend with bash scripts standing in for Whisper. */
class CommandTranscriberTest {

    @TempDir
    Path dir;

    private Path fixture;
    private Path argsLog;
    private final MemoryObjectStore store = new MemoryObjectStore();

    @BeforeEach
    void writeFixture() throws IOException {
        fixture = dir.resolve("whisper-words.json");
        Files.write(fixture, AwsTranscriptJsonTest.resource("whisper-words.json"));
        argsLog = dir.resolve("args.txt");
    }

    /** An executable bash script in the test folder. */
    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\nset -eu\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** Acts like openai-whisper's CLI: writes INPUT_STEM.json into --output_dir (after an older, unrelated .json). */
    private Path fakeWhisper() throws IOException {
        return script("whisper.sh", """
                printf '%s\\n' "$@" > 'ARGS'
                input="$1"; shift
                out=""
                while [ $# -gt 0 ]; do
                  case "$1" in --output_dir) out="$2"; shift 2 ;; *) shift ;; esac
                done
                [ -f "$input" ] || { echo "no such input: $input" >&2; exit 3; }
                cp "$input" 'COPY'
                echo '{"partial": true}' > "$out/older.json"
                touch -d '2001-01-01 00:00:00' "$out/older.json"
                stem="$(basename "$input")"; stem="${stem%.*}"
                cat 'FIXTURE' > "$out/$stem.json"
                echo "Detected language: English" >&2
                """.replace("ARGS", argsLog.toString()).replace("COPY", dir.resolve("input-copy").toString())
                .replace("FIXTURE", fixture.toString()));
    }

    private static MediaObject object(String uri, MediaFormat format) {
        Instant t = Instant.parse("2024-05-01T09:00:00Z");
        return new MediaObject(uri, "v1", 10, t, t, "cd".repeat(32), format.mediaType(), format, null, null);
    }

    private static CommandTranscriberSettings settings(List<String> command, Duration timeout, CommandTranscriberSettings.Output output) {
        return new CommandTranscriberSettings(command, "en", timeout, output);
    }

    @Test
    void localFileIsHandedOverWhereItLiesAndPlaceholdersAreFilledIn() throws Exception {
        Path wav = Files.writeString(dir.resolve("interview.wav"), "RIFF....WAVE");
        String uri = LocalPaths.toUri(wav);
        CommandTranscriberSettings settings = settings(List.of(fakeWhisper().toString(), "{input}", "--model", "base.en",
                "--uri={uri}", "--language", "{language}", "--output_format", "json", "--output_dir", "{output_dir}"),
                Duration.ofSeconds(30), CommandTranscriberSettings.Output.FILE);
        List<TranscriptSegment> segments;
        try (CommandTranscriber command = new CommandTranscriber(settings, store)) {
            assertThat(command.backend()).isEqualTo("command");
            assertThat(command.language()).isEqualTo("en");
            segments = command.transcribe(object(uri, MediaFormat.WAV));
        }

        assertThat(segments).extracting(TranscriptSegment::text).containsExactly("Hello there.", "How are you?");
        assertThat(segments.get(1).words().get(2)).isEqualTo(new TimedWord("you?", 1.7, 2.2, 0.978, null));
        List<String> args = Files.readAllLines(argsLog);
        assertThat(args.get(0)).isEqualTo(wav.toString());
        assertThat(args.subList(1, 9)).containsExactly("--model", "base.en", "--uri=" + uri, "--language", "en", "--output_format", "json",
                "--output_dir");
        Path outputDir = Path.of(args.get(9));
        assertThat(outputDir.getFileName().toString()).isEqualTo("output");
        assertThat(outputDir).doesNotExist(); // the temporary folder is gone
        assertThat(wav).exists(); // the recording itself is not
        assertThat(store.reads()).isEmpty();
    }

    @Test
    void objectsElsewhereAreCopiedFromTheStoreToATemporaryFile() throws Exception {
        String uri = "s3://recordings/day 1/interview (2).mp3";
        store.put(uri, "ID3-not-really-mp3".getBytes(StandardCharsets.UTF_8), "audio/mpeg");
        CommandTranscriberSettings settings = settings(List.of(fakeWhisper().toString(), "{input}", "--output_dir", "{output_dir}"),
                Duration.ofSeconds(30), CommandTranscriberSettings.Output.FILE);
        try (CommandTranscriber command = new CommandTranscriber(settings, store)) {
            assertThat(command.transcribe(object(uri, MediaFormat.MP3))).hasSize(2);
        }

        Path input = Path.of(Files.readAllLines(argsLog).get(0));
        assertThat(input.getFileName().toString()).isEqualTo("interview__2_.mp3");
        assertThat(Files.readString(dir.resolve("input-copy"))).isEqualTo("ID3-not-really-mp3");
        assertThat(input).doesNotExist();
        assertThat(store.reads()).containsExactly(uri);
    }

    @Test
    void standardOutputCanBeTheJson() throws Exception {
        Path printer = script("print.sh", "cat '" + fixture + "'\necho 'progress on stderr' >&2\n");
        CommandTranscriberSettings settings = settings(List.of(printer.toString(), "{input}"), Duration.ofSeconds(30),
                CommandTranscriberSettings.Output.STDOUT);
        Path wav = Files.writeString(dir.resolve("a.wav"), "RIFF");
        try (CommandTranscriber command = new CommandTranscriber(settings, store)) {
            assertThat(command.transcribe(object(LocalPaths.toUri(wav), MediaFormat.WAV)))
                    .extracting(TranscriptSegment::text).containsExactly("Hello there.", "How are you?");
        }
    }

    @Test
    void nonZeroExitNamesTheCodeAndTheEndOfStandardError() throws Exception {
        Path failing = script("fail.sh", """
                for i in $(seq 1 40); do echo "loading layer $i" >&2; done
                echo "RuntimeError: CUDA out of memory" >&2
                exit 7
                """);
        CommandTranscriberSettings settings = settings(List.of(failing.toString(), "{input}", "{output_dir}"), Duration.ofSeconds(30),
                CommandTranscriberSettings.Output.FILE);
        Path wav = Files.writeString(dir.resolve("a.wav"), "RIFF");
        try (CommandTranscriber command = new CommandTranscriber(settings, store)) {
            assertThatThrownBy(() -> command.transcribe(object(LocalPaths.toUri(wav), MediaFormat.WAV)))
                    .isInstanceOf(TranscriptionException.class)
                    .hasMessageContaining("fail.sh exited with code 7 on " + LocalPaths.toUri(wav))
                    .hasMessageContaining("RuntimeError: CUDA out of memory")
                    .hasMessageContaining("loading layer 40")
                    .hasMessageNotContaining("loading layer 5\n");
        }
    }

    @Test
    void timeoutKillsTheCommandAndWhatItStarted() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path slow = script("slow.sh", "sleep 60 &\necho $! > '" + pidFile + "'\nwait\n");
        CommandTranscriberSettings settings = settings(List.of(slow.toString(), "{input}", "{output_dir}"), Duration.ofMillis(1500),
                CommandTranscriberSettings.Output.FILE);
        Path wav = Files.writeString(dir.resolve("a.wav"), "RIFF");
        long started = System.nanoTime();
        try (CommandTranscriber command = new CommandTranscriber(settings, store)) {
            assertThatThrownBy(() -> command.transcribe(object(LocalPaths.toUri(wav), MediaFormat.WAV)))
                    .isInstanceOf(TranscriptionException.class)
                    .hasMessageContaining("did not finish")
                    .hasMessageContaining("PT1.5S")
                    .hasMessageContaining("killed");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        long child = Long.parseLong(Files.readString(pidFile).strip());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("the child sleep was killed").isFalse();
    }

    @Test
    void successWithoutJsonIsAClearError() throws Exception {
        Path quiet = script("quiet.sh", "echo 'nothing to say' >&2\n");
        CommandTranscriberSettings settings = settings(List.of(quiet.toString(), "{input}", "{output_dir}"), Duration.ofSeconds(30),
                CommandTranscriberSettings.Output.FILE);
        Path wav = Files.writeString(dir.resolve("a.wav"), "RIFF");
        try (CommandTranscriber command = new CommandTranscriber(settings, store)) {
            assertThatThrownBy(() -> command.transcribe(object(LocalPaths.toUri(wav), MediaFormat.WAV)))
                    .isInstanceOf(TranscriptionException.class)
                    .hasMessageContaining("wrote no .json file")
                    .hasMessageContaining("nothing to say");
        }
    }

    @Test
    void missingProgramOrFileIsAClearError() throws Exception {
        CommandTranscriberSettings missing = settings(List.of(dir.resolve("no-such-whisper").toString(), "{input}", "{output_dir}"),
                Duration.ofSeconds(30), CommandTranscriberSettings.Output.FILE);
        Path wav = Files.writeString(dir.resolve("a.wav"), "RIFF");
        try (CommandTranscriber command = new CommandTranscriber(missing, store)) {
            assertThatThrownBy(() -> command.transcribe(object(LocalPaths.toUri(wav), MediaFormat.WAV)))
                    .isInstanceOf(TranscriptionException.class).hasMessageContaining("could not run").hasMessageContaining("no-such-whisper");
            String gone = LocalPaths.toUri(dir.resolve("gone.wav"));
            assertThatThrownBy(() -> command.transcribe(object(gone, MediaFormat.WAV)))
                    .isInstanceOf(TranscriptionException.class).hasMessageContaining("no such file").hasMessageContaining(gone);
            assertThatThrownBy(() -> command.transcribe(object("s3://recordings/none.wav", MediaFormat.WAV)))
                    .isInstanceOf(TranscriptionException.class).hasMessageContaining("no longer exists");
        }
    }

    @Test
    void settingsAreValidated() {
        Duration minute = Duration.ofMinutes(1);
        assertThatThrownBy(() -> settings(List.of(), minute, CommandTranscriberSettings.Output.FILE)).hasMessageContaining("empty");
        assertThatThrownBy(() -> settings(List.of("whisper", "--output_dir", "{output_dir}"), minute, CommandTranscriberSettings.Output.FILE))
                .hasMessageContaining("{input} or {uri}");
        assertThatThrownBy(() -> settings(List.of("whisper", "{input}"), minute, CommandTranscriberSettings.Output.FILE))
                .hasMessageContaining("{output_dir}");
        assertThatThrownBy(() -> settings(List.of("whisper", "{input}"), Duration.ZERO, CommandTranscriberSettings.Output.STDOUT))
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> new CommandTranscriberSettings(List.of("whisper", "{input}"), "en_US!", minute,
                CommandTranscriberSettings.Output.STDOUT)).hasMessageContaining("BCP 47");
        assertThatThrownBy(() -> CommandTranscriberSettings.Output.of("s3")).hasMessageContaining("file or stdout");
        assertThat(CommandTranscriberSettings.Output.of(" StdOut")).isEqualTo(CommandTranscriberSettings.Output.STDOUT);

        CommandTranscriberSettings whisper = CommandTranscriberSettings.whisper("whisper", "base.en", "en-US", minute);
        assertThat(whisper.command()).containsExactly("whisper", "{input}", "--model", "base.en", "--output_format", "json",
                "--word_timestamps", "True", "--output_dir", "{output_dir}", "--language", "en");
        assertThat(CommandTranscriberSettings.whisper("whisper", "small", "auto", minute).command()).doesNotContain("--language");
    }

    @Test
    void settingsSurviveJavaSerialisationAsFlinkShipsThem() throws Exception {
        CommandTranscriberSettings settings = CommandTranscriberSettings.whisper("whisper", "base.en", "en", Duration.ofMinutes(30));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(settings);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(settings);
        }
    }
}
