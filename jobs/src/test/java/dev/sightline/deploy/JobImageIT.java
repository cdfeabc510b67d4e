package dev.sightline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * After {@code ./mvnw package}: every file the job image's Dockerfile copies from the build
 * context exists, and the application jar it copies holds the job but not Flink's own runtime
 * (the image's lib/ provides it).
 */
class JobImageIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** {@code COPY [--chown=...] SRC... DEST}; the ones with {@code --from} copy from a stage, not the build context. */
    private static final Pattern COPY = Pattern.compile("^COPY\\s+((?:--[\\w-]+=\\S+\\s+)*)(.+)$", Pattern.MULTILINE);

    @Test
    void everyFileTheDockerfileCopiesExists() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("flink-deployments/Dockerfile")).replace("\\\n", " ");
        List<String> sources = new ArrayList<>();
        Matcher copy = COPY.matcher(dockerfile);
        while (copy.find()) {
            if (copy.group(1).contains("--from=")) {
                continue;
            }
            String[] parts = copy.group(2).trim().split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                sources.add(parts[i]);
            }
        }
        assertThat(sources).as("COPY lines from the build context").isNotEmpty().contains("jobs/target/sightline-application.jar");
        for (String source : sources) {
            assertThat(ROOT.resolve(source)).as("Dockerfile copies " + source).exists();
        }
    }

    @Test
    void theApplicationJarHoldsTheJobButNotFlinksRuntime() throws Exception {
        try (JarFile jar = new JarFile(ROOT.resolve("jobs/target/sightline-application.jar").toFile())) {
            assertThat(jar.getEntry("dev/sightline/cli/SightlineCommand.class")).isNotNull();
            assertThat(jar.getEntry("dev/sightline/video/AnalyzeFrames.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/iceberg/flink/sink/IcebergSink.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/flink/runtime/jobgraph/JobGraph.class")).isNull();
            assertThat(jar.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class")).isNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.sightline.cli.SightlineCommand");
        }
    }
}
