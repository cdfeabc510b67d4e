package dev.sightline.offload;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code local-process} backend: a pool of worker processes beside the task manager running it
 * ({@code command}: this JVM's java and class path by default, optionally behind a prefix such as
 * {@code docker run --rm -i IMAGE}). With {@code reuse}, each slot keeps one long-lived
 * {@code sightline worker --serve} process that takes task URIs on its standard input and answers
 * each with its exit code, so a task pays no JVM start and models stay loaded between tasks; a
 * worker that dies is replaced. Without it, every attempt is its own {@code sightline worker
 * TASK-URI} process. Workers' output goes to log files; their tail is the reason of a run that
 * failed without saying why.
 */
public final class LocalProcessBackend extends WorkerPool {

    /**
     * @param prefix words before the command (e.g. {@code docker run --rm IMAGE}), or none
     * @param command the program and its first arguments; empty for this JVM running {@code mainClass}
     * @param mainClass the command line's main class, for the default command
     * @param environment variables added to the workers' environment (credentials, settings)
     * @param logs the folder of the workers' log files
     * @param reuse keep one serving worker process per slot instead of one process per attempt
     */
    public record Settings(int workers, int attempts, List<String> prefix, List<String> command, String mainClass,
            Map<String, String> environment, String logs, boolean reuse) implements java.io.Serializable {

        public Settings {
            prefix = List.copyOf(prefix);
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }
    }

    /** The line a serving worker prints after each task, followed by its exit code. */
    public static final String EXIT_LINE = "sightline-worker-exit ";
    /** The environment variable naming the command's log file (log4j2.properties). */
    public static final String LOG_FILE_VARIABLE = "SIGHTLINE_LOG_FILE";

    private final Settings settings;
    private final List<String> command;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final ThreadLocal<Serving> serving = new ThreadLocal<>();
    private final List<Serving> servers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger serverNumber = new java.util.concurrent.atomic.AtomicInteger();

    /** A long-lived worker process serving one slot. */
    private record Serving(Process process, java.io.BufferedWriter tasks, java.io.BufferedReader answers, Path log) {}

    public LocalProcessBackend(Settings settings) {
        super("local-worker", settings.workers(), settings.attempts());
        this.settings = settings;
        List<String> full = new ArrayList<>(settings.prefix());
        full.addAll(settings.command().isEmpty() ? thisJvm(settings.mainClass()) : settings.command());
        this.command = List.copyOf(full);
    }

    /**
     * This JVM's java with its flags (class path, {@code --add-opens}, system properties; not
     * debug agents) running {@code mainClass}: the worker is the same build as the task manager.
     */
    public static List<String> thisJvm(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String flag : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib") && !flag.startsWith("-javaagent") && !flag.startsWith("-Xrunjdwp")
                    && !flag.startsWith("-XX:+HeapDumpOnOutOfMemoryError")) {
                command.add(flag);
            }
        }
        String classPath = System.getProperty("java.class.path");
        try { // in a Flink cluster the application jar is on the user class path, not the JVM's
            String ours = Path.of(LocalProcessBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            if (!classPath.contains(ours)) {
                classPath = ours + java.io.File.pathSeparator + classPath;
            }
        } catch (Exception e) {
            // the class path alone
        }
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        return command;
    }

    /** A factory for task managers. */
    public static ComputeBackendFactory factory(Settings settings) {
        return () -> new LocalProcessBackend(settings);
    }

    @Override
    public String name() {
        return "local-process";
    }

    @Override
    protected String instanceType() {
        return "local";
    }

    @Override
    protected Exit attempt(Run run) throws IOException, InterruptedException {
        return settings.reuse() ? served(run) : once(run);
    }

    /** The attempt in this slot's serving worker (started when there is none, or it died). */
    private Exit served(Run run) throws IOException {
        Serving worker = serving.get();
        if (worker == null || !worker.process().isAlive()) {
            worker = serve(run.task);
            serving.set(worker);
        }
        processes.put(run.jobId, worker.process());
        running(run);
        try {
            worker.tasks().write(run.task.files().task());
            worker.tasks().newLine();
            worker.tasks().flush();
            String line;
            while ((line = worker.answers().readLine()) != null) {
                if (line.startsWith(EXIT_LINE)) {
                    int code = Integer.parseInt(line.substring(EXIT_LINE.length()).trim());
                    return new Exit(code, code == 0 ? null : "exit code " + code + "; " + tail(worker.log()));
                }
            }
        } catch (IOException e) {
            // the worker died while we wrote or read
        } finally {
            processes.remove(run.jobId);
        }
        worker.process().destroyForcibly();
        serving.remove();
        return new Exit(WorkerExit.FAILED, "the worker process ended during the task; " + tail(worker.log()));
    }

    private Serving serve(ComputeTask first) throws IOException {
        List<String> args = new ArrayList<>(this.command);
        args.add("worker");
        args.add("--serve");
        args.addAll(first.workerArgs().subList(Math.min(2, first.workerArgs().size()), first.workerArgs().size()));
        Path log = Files.createDirectories(Path.of(settings.logs())).resolve("worker-" + serverNumber.incrementAndGet() + ".log");
        ProcessBuilder builder = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(settings.environment());
        builder.environment().put(LOG_FILE_VARIABLE, detailLog(log));
        Process process = builder.start();
        Serving worker = new Serving(process,
                new java.io.BufferedWriter(new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)),
                new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), log);
        servers.add(worker);
        return worker;
    }

    /** The attempt as its own {@code sightline worker TASK-URI} process. */
    private Exit once(Run run) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(this.command);
        command.addAll(run.task.workerArgs());
        Path logs = Files.createDirectories(Path.of(settings.logs()));
        Path log = logs.resolve(run.task.id() + "." + run.attempts + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(settings.environment());
        builder.environment().put(LOG_FILE_VARIABLE, detailLog(log));
        builder.environment().put("SIGHTLINE_TASK_ID", run.task.id());
        Process process = builder.start();
        processes.put(run.jobId, process);
        running(run);
        try {
            int code = process.waitFor();
            return new Exit(code, code == 0 ? null : "exit code " + code + "; " + tail(log));
        } finally {
            processes.remove(run.jobId);
        }
    }

    /**
     * The worker's full log (libraries included, the command's log4j2.properties) beside the log
     * of its output, so that workers never share the parent's log file.
     */
    private static String detailLog(Path log) {
        return log.resolveSibling(log.getFileName().toString().replaceFirst("\\.log$", "") + ".detail.log").toString();
    }

    @Override
    protected void stop(Run run) {
        Process process = processes.get(run.jobId);
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        super.close();
        for (Serving worker : servers) {
            try {
                worker.tasks().close(); // end of input: the worker exits
            } catch (IOException e) {
                // it is gone already
            }
            worker.process().destroy();
        }
    }

    /** The last lines of a worker's log, for a failure's reason. */
    private static String tail(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 2000);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "no output" : "output ends: " + text.replaceAll("\\s*\\n\\s*", " | ");
        } catch (IOException e) {
            return "no log (" + e.getMessage() + ")";
        }
    }
}
