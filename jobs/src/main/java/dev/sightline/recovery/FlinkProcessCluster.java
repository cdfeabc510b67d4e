package dev.sightline.recovery;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Flink session cluster as separate processes, as production runs it: one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), each a
 * JVM of its own started from the Flink part of the build's class path (what a Flink image's
 * {@code lib/} holds) with one config directory. Processes are killed with SIGKILL and replaced;
 * jobs are submitted through the REST API ({@link FlinkRest}).
 */
public final class FlinkProcessCluster implements AutoCloseable {

    /** Path fragments of the jars a Flink distribution's lib/ holds: Flink, its logging and its few dependencies. */
    private static final List<String> FLINK_LIB = List.of("/org/apache/flink/", "/org/apache/logging/log4j/", "/org/slf4j/",
            "/org/apache/commons/", "/commons-", "/com/esotericsoftware/", "/org/objenesis/", "/org/xerial/snappy/", "/org/lz4/",
            "/com/github/luben/", "/com/google/code/findbugs/", "/org/javassist/", "/com/twitter/", "/org/codehaus/janino/",
            "/tools/profiler/", "/io/airlift/", "/org/snakeyaml/", "/com/ververica/");

    /** Flink's own JVM options for Java 17 (its default {@code env.java.opts.all}). */
    private static final List<String> JAVA_OPTS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final Path workDir;
    private final Path configDir;
    private final String classpath;
    private final int restPort;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Path archives;
    private final FlinkRest rest;

    /**
     * Writes the config directory under {@code workDir}: {@link ClusterSettings#flinkConfig()} plus
     * the ports, bind addresses and folders of this machine.
     */
    public FlinkProcessCluster(Path workDir, ClusterSettings settings) throws IOException {
        this.workDir = Files.createDirectories(workDir);
        this.configDir = Files.createDirectories(workDir.resolve("conf"));
        Files.createDirectories(workDir.resolve("log"));
        this.archives = Files.createDirectories(workDir.resolve("cds"));
        this.classpath = settings.jobJar() == null ? flinkClasspath()
                : flinkClasspath() + File.pathSeparator + settings.jobJar().toAbsolutePath();
        this.restPort = FreePorts.next();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("jobmanager.rpc.address", "localhost");
        config.put("jobmanager.rpc.port", String.valueOf(FreePorts.next()));
        config.put("jobmanager.bind-host", "localhost");
        config.put("rest.address", "localhost");
        config.put("rest.bind-address", "localhost");
        config.put("rest.port", String.valueOf(restPort));
        config.put("taskmanager.host", "localhost");
        config.put("taskmanager.bind-host", "localhost");
        config.put("blob.server.port", String.valueOf(FreePorts.next()));
        config.put("io.tmp.dirs", Files.createDirectories(workDir.resolve("tmp")).toString());
        config.put("web.tmpdir", workDir.resolve("web").toString());
        config.put("jobmanager.memory.heap.size", "640m");
        config.put("jobmanager.memory.off-heap.size", "128m");
        config.put("jobmanager.memory.jvm-metaspace.size", "256m");
        config.put("taskmanager.numberOfTaskSlots", String.valueOf(settings.slotsPerTaskManager()));
        config.put("taskmanager.cpu.cores", String.valueOf(settings.slotsPerTaskManager()));
        config.put("taskmanager.memory.framework.heap.size", "128m");
        config.put("taskmanager.memory.task.heap.size", settings.taskHeap());
        config.put("taskmanager.memory.framework.off-heap.size", "128m");
        config.put("taskmanager.memory.task.off-heap.size", "256m");
        config.put("taskmanager.memory.network.min", "64m");
        config.put("taskmanager.memory.network.max", "64m");
        config.put("taskmanager.memory.managed.size", "64m");
        config.put("taskmanager.memory.jvm-metaspace.size", "384m");
        config.put("taskmanager.memory.jvm-overhead.min", "192m");
        config.put("taskmanager.memory.jvm-overhead.max", "192m");
        config.putAll(settings.flinkConfig());
        String yaml = config.entrySet().stream().map(e -> e.getKey() + ": " + quote(e.getValue())).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(configDir.resolve("config.yaml"), yaml);
        Files.writeString(configDir.resolve("log4j.properties"), String.join("\n",
                "rootLogger.level = INFO", "rootLogger.appenderRef.file.ref = MainAppender",
                "appender.main.name = MainAppender", "appender.main.type = File", "appender.main.fileName = ${sys:log.file}",
                "appender.main.layout.type = PatternLayout",
                "appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                "logger.zookeeper.name = org.apache.zookeeper", "logger.zookeeper.level = WARN",
                "logger.shaded_zookeeper.name = org.apache.flink.shaded.zookeeper3", "logger.shaded_zookeeper.level = WARN", ""));
        this.rest = new FlinkRest("http://localhost:" + restPort);
    }

    private static String quote(String value) {
        return value.matches("[A-Za-z0-9_./:@,=-]+") && !value.contains(": ") ? value : "'" + value.replace("'", "''") + "'";
    }

    /** The REST API of the (current) JobManager. */
    public FlinkRest rest() {
        return rest;
    }

    /** The Flink web UI's address. */
    public String webUi() {
        return "http://localhost:" + restPort;
    }

    /** Starts the JobManager under {@code name}; with high availability a second one takes over leadership. */
    public void startJobManager(String name) throws IOException {
        start(name, "jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", List.of(),
                "-Xmx640m", "-Xms640m", "-XX:MaxMetaspaceSize=256m", "-XX:MaxDirectMemorySize=128m");
    }

    /** Starts a TaskManager under {@code name} (its resource id). */
    public void startTaskManager(String name) throws IOException {
        start(name, "taskmanager", "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", List.of("taskmanager.resource-id=" + name),
                "-Xmx1280m", "-Xms256m", "-XX:MaxMetaspaceSize=384m", "-XX:MaxDirectMemorySize=448m");
    }

    /**
     * Starts a process of {@code role} running {@code mainClass} with Flink's {@code -D key=value}
     * settings {@code dynamic} and JVM options {@code jvm}; it maps the role's class-data sharing
     * archive when {@link #stopAndArchiveClasses} has made one, and otherwise writes its own when it
     * is stopped.
     */
    private void start(String name, String role, String mainClass, List<String> dynamic, String... jvm) throws IOException {
        if (processes.containsKey(name) && processes.get(name).isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JAVA_OPTS);
        command.addAll(Arrays.asList(jvm));
        Path archive = archives.resolve(role + ".jsa");
        command.add(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
                : "-XX:ArchiveClassesAtExit=" + archives.resolve(name + ".jsa"));
        command.add("-Dlog.file=" + workDir.resolve("log").resolve(name + ".log"));
        command.add("-XX:ErrorFile=" + workDir.resolve("log").resolve("hs_err_" + name + "_%p.log"));
        command.add("-Dlog4j.configurationFile=" + configDir.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.add("--configDir");
        command.add(configDir.toString());
        for (String setting : dynamic) {
            command.add("-D");
            command.add(setting);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("log").resolve(name + ".out").toFile()));
        builder.environment().put("FLINK_CONF_DIR", configDir.toString());
        builder.environment().put("FLINK_PLUGINS_DIR", pluginsDir().toString());
        processes.put(name, builder.start());
        roles.put(name, role);
    }

    /**
     * Stops the named processes with SIGTERM (a graceful shutdown: a JobManager gives up its
     * leadership, a TaskManager deregisters) and keeps the classes each loaded, which the JVM writes
     * into a class-data sharing archive as it exits, for every later process of its role to map at
     * start instead of loading and verifying those classes again: what an image built with a
     * training run's archive gives each new pod. Pausing a live process for a dump instead
     * ({@code jcmd VM.cds dynamic_dump}) can outlast its ZooKeeper session.
     */
    public void stopAndArchiveClasses(String... names) throws IOException, InterruptedException {
        for (String name : names) {
            Process process = processes.get(name);
            if (process == null || !process.isAlive()) {
                throw new IllegalArgumentException("no running process " + name);
            }
            process.destroy(); // all at once: each dumps its classes while the others do
        }
        for (String name : names) {
            Process process = processes.get(name);
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not stop within 3 min of SIGTERM; see " + workDir.resolve("log").resolve(name + ".out"));
            }
            processes.remove(name);
            Path written = archives.resolve(name + ".jsa");
            Path archive = archives.resolve(roles.get(name) + ".jsa");
            if (!Files.isRegularFile(written)) {
                throw new IllegalStateException("no class-data sharing archive from " + name + " (exit " + process.exitValue() + "); see "
                        + workDir.resolve("log").resolve(name + ".out"));
            }
            if (Files.isRegularFile(archive)) {
                Files.delete(written); // one archive per role
            } else {
                Files.move(written, archive);
            }
        }
    }

    /** Kills a process with SIGKILL and waits until it is gone. */
    public void kill(String name) throws InterruptedException {
        Process process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name);
        }
        process.destroyForcibly(); // SIGKILL on Linux and macOS
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Whether the named process runs. */
    public boolean alive(String name) {
        Process process = processes.get(name);
        return process != null && process.isAlive();
    }

    /** The process ids of the named processes that run, for CPU and memory readings. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((name, p) -> {
            if (p.isAlive()) {
                pids.put(name, p.pid());
            }
        });
        return pids;
    }

    /** Waits until {@code count} TaskManagers have registered with the current JobManager. */
    public void awaitTaskManagers(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int registered = rest.taskManagers();
            if (registered >= count) {
                return;
            }
            failIfDead();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(registered + " of " + count + " TaskManagers registered after "
                        + timeout.toSeconds() + " s; logs in " + workDir.resolve("log"));
            }
            Thread.sleep(200);
        }
    }

    private void failIfDead() {
        processes.forEach((name, p) -> {
            if (!p.isAlive() && p.exitValue() != 137 && p.exitValue() != 143) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + "; see " + workDir.resolve("log").resolve(name + ".out"));
            }
        });
    }

    private static String flinkClasspath() throws IOException {
        Path file = jobsTarget().resolve("runtime-classpath.txt");
        String all = Files.readString(file, StandardCharsets.UTF_8).trim();
        String lib = Stream.of(all.split(File.pathSeparator))
                .filter(jar -> FLINK_LIB.stream().anyMatch(jar::contains))
                .filter(jar -> !jar.contains("/flink-s3-fs-") && !jar.contains("/flink-metrics-prometheus"))
                .collect(Collectors.joining(File.pathSeparator));
        if (lib.isEmpty()) {
            throw new IllegalStateException("no Flink jar on the class path in " + file);
        }
        return lib;
    }

    private static Path pluginsDir() {
        return jobsTarget().resolve("flink-plugins");
    }

    /** The jobs module's build folder: the application jar, the class path, the S3 plugin. */
    public static Path jobsTarget() {
        String configured = System.getProperty("sightline.jobs.target");
        Stream<Path> candidates = configured != null ? Stream.of(Path.of(configured))
                : Stream.of(Path.of("jobs/target"), Path.of("target"), Path.of("../jobs/target"));
        return candidates.filter(p -> Files.isRegularFile(p.resolve("runtime-classpath.txt")))
                .findFirst()
                .map(Path::toAbsolutePath)
                .orElseThrow(() -> new UncheckedIOException(new IOException("the process cluster runs from a built checkout: "
                        + "run ./mvnw -B package -DskipTests at the repository root first (jobs/target/runtime-classpath.txt is missing)")));
    }

    /** Kills every process. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroyForcibly);
        for (Process p : processes.values()) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
