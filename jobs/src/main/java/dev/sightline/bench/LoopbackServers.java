package dev.sightline.bench;

import dev.sightline.cloud.S3Settings;
import dev.sightline.config.ConfigKeys;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real S3 (S3Proxy), SQS (ElasticMQ) and ZooKeeper servers on loopback, in a child JVM on the operators
 * module's test class path: they are test dependencies, not part of the job jar, and ElasticMQ's
 * Scala 2.13 cannot share a class path with the table planner's 2.12. Needs a built checkout
 * ({@code operators/target/test-classpath.txt}). The child stops when this closes its input.
 */
public final class LoopbackServers implements AutoCloseable {

    /** The servers' static test credentials (S3Proxy checks them, ElasticMQ ignores them). */
    public static final String ACCESS_KEY = "sightline-test";
    public static final String SECRET_KEY = "sightline-test-secret";

    private final Process process;
    private final String s3Endpoint;
    private final String sqsEndpoint;
    private final String zooKeeper;

    /** Starts the servers asked for. */
    public LoopbackServers(boolean s3, boolean sqs) throws IOException, InterruptedException {
        this(s3, sqs, false);
    }

    /** Starts the servers asked for; {@code zk}: a ZooKeeper server (Curator's test server). */
    public LoopbackServers(boolean s3, boolean sqs, boolean zk) throws IOException, InterruptedException {
        this(s3, sqs, zk, "512m");
    }

    /**
     * Starts the servers asked for in a JVM of {@code heap} (S3Proxy keeps its objects in memory:
     * a cluster's high-availability blobs and checkpoints need more than the default 512m).
     */
    public LoopbackServers(boolean s3, boolean sqs, boolean zk, String heap) throws IOException, InterruptedException {
        Path target = operatorsTarget();
        String classpath = String.join(File.pathSeparator, List.of(target.resolve("test-classes").toString(),
                target.resolve("classes").toString(), Files.readString(target.resolve("test-classpath.txt")).trim()));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap, "-cp", classpath, "dev.sightline.cloud.LoopbackServersMain"));
        if (s3) {
            command.add("s3");
        }
        if (sqs) {
            command.add("sqs");
        }
        if (zk) {
            command.add("zk");
        }
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String s3Found = null;
        String sqsFound = null;
        String zkFound = null;
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            if (line.startsWith("s3=")) {
                s3Found = line.substring(3).trim();
            } else if (line.startsWith("sqs=")) {
                sqsFound = line.substring(4).trim();
            } else if (line.startsWith("zk=")) {
                zkFound = line.substring(3).trim();
            }
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the loopback servers did not start (exit " + process.waitFor() + ")");
        }
        s3Endpoint = s3Found;
        sqsEndpoint = sqsFound;
        zooKeeper = zkFound;
    }

    /** The ZooKeeper server's connect string ({@code host:port}). */
    public String zooKeeper() {
        if (zooKeeper == null) {
            throw new IllegalStateException("no ZooKeeper server was started");
        }
        return zooKeeper;
    }

    /** Settings that reach the S3 server: path style, the test key pair. */
    public S3Settings s3() {
        return settings(s3Endpoint, true);
    }

    /** Settings that reach the SQS server. */
    public S3Settings sqs() {
        return settings(sqsEndpoint, false);
    }

    /** CPU time the servers' JVM has used so far (zero where the platform does not say). */
    public java.time.Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    /**
     * Settings of the production job fed by {@code queue} on these servers: data under
     * {@code workDir/job}, warehouse and processed files in bucket {@code lake}, web UI on a free port.
     */
    public java.util.Map<String, String> sqsJob(Path workDir, String queue, String lake, java.time.Duration checkpointInterval, int parallelism) {
        S3Settings s3 = s3();
        java.util.Map<String, String> values = new java.util.HashMap<>();
        values.put(ConfigKeys.DATA_DIR.name(), workDir.resolve("job").toString());
        values.put(ConfigKeys.INPUT_KIND.name(), "sqs");
        values.put(ConfigKeys.INPUT_QUEUE_URL.name(), queue);
        values.put(ConfigKeys.AWS_ENDPOINT.name(), s3.endpoint());
        values.put(ConfigKeys.AWS_SQS_ENDPOINT.name(), sqs().endpoint());
        values.put(ConfigKeys.AWS_PATH_STYLE.name(), "true");
        values.put(ConfigKeys.AWS_ACCESS_KEY.name(), s3.accessKey());
        values.put(ConfigKeys.AWS_SECRET_KEY.name(), s3.secretKey());
        values.put(ConfigKeys.WAREHOUSE_PATH.name(), "s3://" + lake + "/warehouse");
        values.put(ConfigKeys.PROCESSED_PATH.name(), "s3://" + lake + "/processed");
        values.put(ConfigKeys.CHECKPOINT_INTERVAL.name(), checkpointInterval.toMillis() + "ms");
        values.put(ConfigKeys.PARALLELISM.name(), String.valueOf(parallelism));
        values.put(ConfigKeys.WEB_UI_PORT.name(), "0");
        return values;
    }

    private static S3Settings settings(String endpoint, boolean pathStyle) {
        if (endpoint == null) {
            throw new IllegalStateException("that server was not started");
        }
        return new S3Settings("us-east-1", endpoint, pathStyle, ACCESS_KEY, SECRET_KEY, 3);
    }

    private static Path operatorsTarget() {
        String configured = System.getProperty("sightline.operators.target");
        Stream<Path> candidates = configured != null ? Stream.of(Path.of(configured))
                : Stream.of(Path.of("operators/target"), Path.of("../operators/target"));
        return candidates.filter(p -> Files.isRegularFile(p.resolve("test-classpath.txt")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the loopback S3 and SQS servers run from a built checkout: "
                        + "run ./mvnw -B package -DskipTests at the repository root first (operators/target/test-classpath.txt is missing)"));
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
