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
 * The {@code local-process} backend: a pool of worker processes beside the task manager, each run
 * a {@code sightline worker TASK-URI} process ({@code command}: this JVM's java and class path by
 * default, optionally behind a prefix such as {@code docker run --rm IMAGE}). A worker's output
 * goes to a log file per attempt; the tail of it is the reason of a run that failed without saying why.
 */
public final class LocalProcessBackend extends WorkerPool {

    /**
     * @param prefix words before the command (e.g. {@code docker run --rm IMAGE}), or none
     * @param command the program and its first arguments; empty for this JVM running {@code mainClass}
     * @param mainClass the command line's main class, for the default command
     * @param environment variables added to the workers' environment (credentials, settings)
     * @param logs the folder of the workers' log files
     */
    public record Settings(int workers, int attempts, List<String> prefix, List<String> command, String mainClass,
            Map<String, String> environment, String logs) implements java.io.Serializable {

        public Settings {
            prefix = List.copyOf(prefix);
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }
    }

    private final Settings settings;
    private final List<String> command;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

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
        List<String> command = new ArrayList<>(this.command);
        command.addAll(run.task.workerArgs());
        Path logs = Files.createDirectories(Path.of(settings.logs()));
        Path log = logs.resolve(run.task.id() + "." + run.attempts + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(settings.environment());
        builder.environment().put("SIGHTLINE_TASK_ID", run.task.id());
        Process process = builder.start();
        processes.put(run.jobId, process);
        try {
            int code = process.waitFor();
            return new Exit(code, code == 0 ? null : "exit code " + code + "; " + tail(log));
        } finally {
            processes.remove(run.jobId);
        }
    }

    @Override
    protected void stop(Run run) {
        Process process = processes.get(run.jobId);
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
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
