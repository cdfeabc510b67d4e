package dev.sightline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * terraform/: every module (and the example) documents exactly its variables and outputs in its
 * README's Inputs and Outputs tables, and the code is {@code terraform fmt}-clean where terraform
 * is installed. Providers cannot be downloaded here, so {@code terraform validate} is not run.
 */
class TerraformModulesTest {

    private static final Path TERRAFORM = Path.of("..", "terraform").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("^variable\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern OUTPUT = Pattern.compile("^output\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|", Pattern.MULTILINE);

    @Test
    void everyModuleDocumentsExactlyItsVariablesAndOutputs() throws IOException {
        List<Path> modules = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(TERRAFORM.resolve("modules"))) {
            dirs.filter(Files::isDirectory).forEach(modules::add);
        }
        modules.add(TERRAFORM.resolve("examples/aws"));
        assertThat(modules.stream().map(p -> p.getFileName().toString()))
                .contains("network", "eks", "storage", "batch", "catalog", "iam", "flink-operator", "aws");
        for (Path module : modules) {
            String code = terraformCode(module);
            String readme = Files.readString(module.resolve("README.md"));
            int inputs = readme.indexOf("## Inputs");
            int outputs = readme.indexOf("## Outputs");
            assertThat(inputs).as(module + ": README has ## Inputs").isNotNegative();
            assertThat(outputs).as(module + ": README has ## Outputs after ## Inputs").isGreaterThan(inputs);
            String outputsTable = readme.substring(outputs);
            int next = outputsTable.indexOf("\n## ", 3);
            assertThat(names(ROW, readme.substring(inputs, outputs))).as(module + ": Inputs table").isEqualTo(names(VARIABLE, code));
            assertThat(names(ROW, next < 0 ? outputsTable : outputsTable.substring(0, next))).as(module + ": Outputs table")
                    .isEqualTo(names(OUTPUT, code));
            assertThat(Files.exists(module.resolve("versions.tf"))).as(module + " pins its providers in versions.tf").isTrue();
        }
    }

    @Test
    void terraformFmtFindsNothingToChange() throws Exception {
        assumeTrue(onPath("terraform"), "terraform is not installed");
        Process fmt = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", "-diff")
                .directory(TERRAFORM.toFile()).redirectErrorStream(true).start();
        String output = new String(fmt.getInputStream().readAllBytes());
        assertThat(fmt.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(fmt.exitValue()).as("terraform fmt -check -recursive:\n" + output).isZero();
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String terraformCode(Path module) throws IOException {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.list(module)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                code.append(Files.readString(file)).append('\n');
            }
        }
        return code.toString();
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
