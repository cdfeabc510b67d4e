package dev.sightline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading flink-deployments/ in tests: overlays rendered by {@code kubectl kustomize}, YAML documents, and typed look-ups in them. */
final class Manifests {

    static final Path DEPLOYMENTS = Path.of("..", "flink-deployments").toAbsolutePath().normalize();

    private Manifests() {}

    static List<Map<String, Object>> kustomize(String overlay) throws Exception {
        assumeTrue(TerraformModulesTest.onPath("kubectl"), "kubectl is not installed");
        Process build = new ProcessBuilder("kubectl", "kustomize", DEPLOYMENTS.resolve("overlays").resolve(overlay).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String rendered = new String(build.getInputStream().readAllBytes());
        assertThat(build.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(build.exitValue()).as("kubectl kustomize overlays/" + overlay).isZero();
        return documents(rendered);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    static Map<String, Object> only(List<Map<String, Object>> resources, String kind) {
        List<Map<String, Object>> matching = resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
        assertThat(matching).as("resources of kind " + kind).hasSize(1);
        return matching.get(0);
    }

    /** The one resource of {@code kind} whose (generated) name starts with {@code prefix}. */
    static Map<String, Object> named(List<Map<String, Object>> resources, String kind, String prefix) {
        List<Map<String, Object>> matching = resources.stream().filter(r -> kind.equals(r.get("kind")))
                .filter(r -> String.valueOf(map(r, "metadata").get("name")).startsWith(prefix)).toList();
        assertThat(matching).as("resources of kind " + kind + " named " + prefix + "...").hasSize(1);
        return matching.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        assertThat(child).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) child;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mainContainer(Map<String, Object> podSpec) {
        for (Object c : (List<Object>) podSpec.get("containers")) {
            Map<String, Object> container = (Map<String, Object>) c;
            if ("flink-main-container".equals(container.get("name"))) {
                return container;
            }
        }
        throw new AssertionError("no container named flink-main-container");
    }
}
