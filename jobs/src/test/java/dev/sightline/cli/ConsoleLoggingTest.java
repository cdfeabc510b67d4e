package dev.sightline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sightline.offload.LocalProcessBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command started as the {@code sightline} script starts it (its java.util.logging file, the
 * jar's log4j2.properties): Sphinx4's start-up warnings and other library output go to the log
 * file, and the console keeps Sightline's own lines.
 */
class ConsoleLoggingTest {

    private static final Path SPEECH = Path.of(System.getProperty("sightline.shared.data", "../../shared/data"), "audio", "librivox");

    @TempDir
    Path dir;

    @Test
    void libraryNoiseGoesToTheLogFileNotTheConsole() throws Exception {
        assumeTrue(Files.isDirectory(SPEECH), "no read speech in " + SPEECH);
        Path wav;
        try (Stream<Path> files = Files.list(SPEECH)) {
            wav = files.filter(p -> p.toString().endsWith(".wav")).min(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        List<String> command = new java.util.ArrayList<>(LocalProcessBackend.thisJvm(SightlineCommand.class.getName()));
        int main = command.size() - 1;
        command.add(main, "-Djava.util.logging.config.file=" + Path.of("conf/logging.properties").toAbsolutePath());
        command.add(main, "-Dlog4j2.configurationFile=" + Path.of("src/main/resources/log4j2.properties").toAbsolutePath()); // not the tests' one
        command.addAll(List.of("analyze", wav.toString(), "--set", "data-dir=" + dir.resolve("data")));
        Path log = dir.resolve("logs/sightline.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().put(LocalProcessBackend.LOG_FILE_VARIABLE, log.toString());
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("analyze finished").isTrue();
        String console = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        String output = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(console).isZero();

        assertThat(output).as("the transcript is printed").contains("transcript_segments");
        assertThat(console).as("the console").doesNotContainIgnoringCase("sphinx").doesNotContain("phonetic transcription")
                .doesNotContain("WARNING");
        assertThat(Files.readString(log)).as("the log file")
                .contains("edu.cmu.sphinx").contains("missing a phonetic transcription");
    }
}
