package dev.sightline.job;

import dev.sightline.cloud.S3Settings;
import dev.sightline.ingest.sqs.SqsTestServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The loopback SQS server (ElasticMQ) in a child JVM on the operators module's test class path:
 * ElasticMQ needs Scala 2.13, this module's table planner Scala 2.12, so they never share a class
 * path. The child stops when this closes its standard input.
 */
final class SqsServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    SqsServerProcess() throws Exception {
        Path target = Path.of(System.getProperty("sightline.operators.target", "../operators/target"));
        Path classpathFile = target.resolve("test-classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("build the operators module first (" + classpathFile + " is missing)");
        }
        String classpath = String.join(File.pathSeparator, List.of(target.resolve("test-classes").toString(),
                target.resolve("classes").toString(), Files.readString(classpathFile).trim()));
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, "dev.sightline.ingest.sqs.SqsTestServerMain")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int found = -1;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("port=")) {
                found = Integer.parseInt(line.substring(5).trim());
                break;
            }
        }
        if (found < 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the SQS test server did not start (exit " + process.waitFor() + ")");
        }
        port = found;
    }

    S3Settings settings() {
        return SqsTestServer.settings(port);
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
