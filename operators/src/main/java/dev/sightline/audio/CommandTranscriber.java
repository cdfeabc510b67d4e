package dev.sightline.audio;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.ObjectNotFoundException;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.RangedObjectStream;
import dev.sightline.ingest.MediaObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcribes a recording by running a command that writes Whisper's JSON, such as
 * {@code whisper {input} --output_format json --word_timestamps True --output_dir {output_dir}}
 * or {@code docker run --rm -v ...:/in -v ...:/out whisper-image ...}.
 *
 * <p>This is the container command a compute backend runs (a Whisper image, to be started by the
 * AWS Batch backend later); here it runs as a local process on the task manager. The recording is
 * handed over as a local file: a {@code file:} object is used where it lies, any other is first
 * copied from the object store into a temporary folder. The command runs in a fresh temporary
 * folder, standard input closed, standard output and error going to files; everything temporary
 * is deleted afterwards. After exit code 0 the JSON is read from the newest {@code *.json} in
 * {@code {output_dir}} or from standard output (see {@link CommandTranscriberSettings}) and parsed
 * by {@link WhisperJson}.
 *
 * <p>A non-zero exit is a {@link TranscriptionException} naming the code and the last lines of
 * standard error. Past the timeout the process and every process it started are killed (a
 * {@code docker run} client's container is not its child: give the container its own time limit
 * and {@code --rm}).
 */
public final class CommandTranscriber implements RecordingTranscriber {

    private static final Logger LOG = LoggerFactory.getLogger(CommandTranscriber.class);
    private static final int STDERR_LINES = 15;
    private static final int STDERR_TAIL_BYTES = 8192;

    private final CommandTranscriberSettings settings;
    private final ObjectStore store;
    private final WhisperJson whisper = new WhisperJson();

    /** @param store reads recordings that are not local files (S3); it stays the caller's to close */
    public CommandTranscriber(CommandTranscriberSettings settings, ObjectStore store) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String backend() {
        return TranscriberKind.COMMAND.label();
    }

    /** The configured language, or {@code und} (undetermined) when the command identifies it. */
    @Override
    public String language() {
        return settings.language().equals(CommandTranscriberSettings.AUTO) ? "und" : settings.language();
    }

    @Override
    public List<TranscriptSegment> transcribe(MediaObject object) throws Exception {
        String uri = object.uri();
        if (object.errorClass() != null) {
            throw new TranscriptionException("cannot transcribe " + uri + ": it could not be read ("
                    + object.errorClass() + ": " + object.error() + ")");
        }
        Path work = Files.createTempDirectory("sightline-transcribe-");
        try {
            Path outputDir = Files.createDirectory(work.resolve("output"));
            Path input = input(object, work);
            List<String> argv = arguments(input, outputDir, uri);
            Path stdout = work.resolve("stdout.txt");
            Path stderr = work.resolve("stderr.txt");
            run(argv, work, stdout, stderr, uri);
            byte[] json = settings.output() == CommandTranscriberSettings.Output.STDOUT
                    ? Files.readAllBytes(stdout) : Files.readAllBytes(newestJson(outputDir, stderr, uri));
            try {
                return whisper.segments(json);
            } catch (TranscriptionException e) {
                throw new TranscriptionException(program() + " gave unreadable output for " + uri + ": " + e.getMessage(), e);
            }
        } finally {
            deleteTree(work);
        }
    }

    /** The command line with its placeholders filled in. */
    List<String> arguments(Path input, Path outputDir, String uri) {
        List<String> argv = new ArrayList<>(settings.command().size());
        for (String argument : settings.command()) {
            argv.add(argument
                    .replace("{input}", input.toString())
                    .replace("{output_dir}", outputDir.toString())
                    .replace("{uri}", uri)
                    .replace("{language}", settings.language()));
        }
        return argv;
    }

    /** The recording as a local file: the file itself, or a copy from the store inside {@code work}. */
    private Path input(MediaObject object, Path work) throws IOException, TranscriptionException {
        String uri = object.uri();
        if (uri.startsWith("file:")) {
            Path file = LocalPaths.toPath(uri);
            if (!Files.isRegularFile(file)) {
                throw new TranscriptionException("cannot transcribe " + uri + ": there is no such file");
            }
            return file;
        }
        Path copy = Files.createDirectory(work.resolve("input")).resolve(localName(object.fileName()));
        try (InputStream in = new RangedObjectStream(store, uri, object.sizeBytes())) { // reads again where a connection broke
            Files.copy(in, copy);
        } catch (ObjectNotFoundException e) {
            throw new TranscriptionException("cannot transcribe " + uri + ": the object no longer exists", e);
        }
        return copy;
    }

    /** A safe local file name that keeps the extension, for tools that guess the format from it. */
    static String localName(String fileName) {
        String safe = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "recording" + safe : safe;
    }

    private void run(List<String> argv, Path work, Path stdout, Path stderr, String uri) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(work.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new TranscriptionException("could not run " + program() + " for " + uri + ": " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        LOG.info("running {} (pid {}) for {}", program(), process.pid(), uri);
        boolean finished;
        try {
            finished = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        if (!finished) {
            killTree(process);
            throw new TranscriptionException(program() + " did not finish on " + uri + " within " + settings.timeout()
                    + " and was killed" + stderrTail(stderr));
        }
        if (process.exitValue() != 0) {
            throw new TranscriptionException(program() + " exited with code " + process.exitValue() + " on " + uri + stderrTail(stderr));
        }
    }

    /** Kills the process and every process it started (a snapshot taken first, as orphans leave the tree). */
    private static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            LOG.warn("process {} did not end after it was killed", process.pid());
        }
    }

    private Path newestJson(Path outputDir, Path stderr, String uri) throws IOException, TranscriptionException {
        Optional<Path> newest;
        try (Stream<Path> files = Files.list(outputDir)) {
            newest = files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
                    .max(Comparator.comparing(CommandTranscriber::modified).thenComparing(f -> f.getFileName().toString()));
        }
        if (newest.isEmpty()) {
            throw new TranscriptionException(program() + " exited with code 0 on " + uri + " but wrote no .json file into {output_dir}"
                    + stderrTail(stderr));
        }
        return newest.get();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The last lines of standard error, for the message; empty when there are none. */
    private static String stderrTail(Path stderr) {
        try (RandomAccessFile file = new RandomAccessFile(stderr.toFile(), "r")) {
            long start = Math.max(0, file.length() - STDERR_TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new ArrayList<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("[\r\n]+")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            if (lines.isEmpty()) {
                return "";
            }
            return "; standard error ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private String program() {
        return settings.command().get(0);
    }

    /** Nothing to release: each run cleans up after itself, and the store is the caller's. */
    @Override
    public void close() {}

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("could not delete the temporary folder {}", root, e);
        }
    }
}
