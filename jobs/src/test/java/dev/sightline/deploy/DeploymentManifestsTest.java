package dev.sightline.deploy;

import static dev.sightline.deploy.Manifests.documents;
import static dev.sightline.deploy.Manifests.kustomize;
import static dev.sightline.deploy.Manifests.mainContainer;
import static dev.sightline.deploy.Manifests.map;
import static dev.sightline.deploy.Manifests.named;
import static dev.sightline.deploy.Manifests.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.DeploymentTarget;
import dev.sightline.config.SightlineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * flink-deployments/: the FlinkDeployment resources validate against the Flink Kubernetes
 * Operator 1.14 CRD (copied into test resources with its licence), each Kustomize overlay builds
 * with {@code kubectl kustomize} where kubectl is installed, the Sightline configuration each
 * overlay ships is a valid configuration, and the prod overlay's TaskManagers are the GPU pod template.
 */
class DeploymentManifestsTest {

    private static final Path DEPLOYMENTS = Manifests.DEPLOYMENTS;
    private static ApiSchema flinkDeployment;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadCrd() throws IOException {
        flinkDeployment = ApiSchema.crd(Path.of("src/test/resources/k8s/flink-kubernetes-operator-1.14.0/flinkdeployments.flink.apache.org-v1.yml"),
                "v1beta1");
    }

    @Test
    void theBaseFlinkDeploymentValidatesAgainstTheOperatorsCrd() throws IOException {
        Map<String, Object> deployment = only(documents(Files.readString(DEPLOYMENTS.resolve("base/flinkdeployment.yaml"))), "FlinkDeployment");
        assertThat(flinkDeployment.violations(deployment)).isEmpty();
        Map<String, Object> spec = map(deployment, "spec");
        Map<String, Object> job = map(spec, "job");
        assertThat(job).containsEntry("upgradeMode", "savepoint").containsEntry("entryClass", "dev.sightline.cli.SightlineCommand");
        assertThat((String) job.get("jarURI")).startsWith("local:///opt/flink/usrlib/");
        Map<String, Object> flink = map(spec, "flinkConfiguration");
        assertThat(flink).containsEntry("high-availability.type", "kubernetes").containsEntry("jobmanager.scheduler", "adaptive");
        assertThat(String.valueOf(flink.get("execution.checkpointing.savepoint-dir"))).startsWith("s3://");
        assertThat(String.valueOf(flink.get("high-availability.storageDir"))).startsWith("s3://");
        assertThat(flink).containsKey("restart-strategy.type");
    }

    @Test
    void theSchemaCheckRejectsWhatTheApiServerWould() {
        Map<String, Object> bad = documents("""
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: x}
                spec:
                  flinkVersion: v0_9
                  serviceAcount: sightline
                  job: {jarURI: local:///x.jar, upgradeMode: sometimes, parallelism: two}
                  taskManager: {resource: {cpu: 1, memory: 4096}, replicas: "3"}
                """).get(0);
        assertThat(flinkDeployment.violations(bad)).containsExactlyInAnyOrder(
                ".spec.flinkVersion: 'v0_9' is not one of [v1_13, v1_14, v1_15, v1_16, v1_17, v1_18, v1_19, v1_20, v2_0, v2_1, v2_2]",
                ".spec.serviceAcount: unknown field",
                ".spec.job.upgradeMode: 'sometimes' is not one of [last-state, savepoint, stateless]",
                ".spec.job.parallelism: expected an integer, got two",
                ".spec.taskManager.resource.memory: expected a string, got 4096 (quote it)",
                ".spec.taskManager.replicas: expected an integer, got 3");
    }

    @Test
    void theGpuPodTemplateAsksForAGpuOnGpuNodes() throws IOException {
        Map<String, Object> pod = only(documents(Files.readString(DEPLOYMENTS.resolve("pod-templates/gpu-taskmanager.yaml"))), "Pod");
        Map<String, Object> spec = map(pod, "spec");
        Map<String, Object> container = mainContainer(spec);
        assertThat(map(map(container, "resources"), "limits")).containsKey("nvidia.com/gpu");
        assertThat(String.valueOf(spec.get("tolerations"))).contains("nvidia.com/gpu").contains("NoSchedule");
        assertThat(spec).containsKey("nodeSelector");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProdOverlayScrapesThePrometheusReporterOfEveryPod() throws IOException {
        Map<String, Object> deployment = only(documents(Files.readString(DEPLOYMENTS.resolve("base/flinkdeployment.yaml"))), "FlinkDeployment");
        Map<String, Object> flink = map(map(deployment, "spec"), "flinkConfiguration");
        assertThat(flink).containsEntry("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        int port = Integer.parseInt(String.valueOf(flink.get("metrics.reporter.prom.port")));
        List<Object> ports = (List<Object>) mainContainer(map(map(map(deployment, "spec"), "podTemplate"), "spec")).get("ports");
        assertThat(ports).as("the pod template's container ports").contains(Map.of("name", "metrics", "containerPort", port, "protocol", "TCP"));

        Map<String, Object> monitor = only(documents(Files.readString(DEPLOYMENTS.resolve("overlays/prod/podmonitor.yaml"))), "PodMonitor");
        assertThat(monitor).containsEntry("apiVersion", "monitoring.coreos.com/v1");
        Map<String, Object> spec = map(monitor, "spec");
        // the Flink operator labels the pods of a FlinkDeployment app=<name>, type=flink-native-kubernetes
        assertThat(map(map(spec, "selector"), "matchLabels")).containsEntry("app", map(deployment, "metadata").get("name"))
                .containsEntry("type", "flink-native-kubernetes");
        assertThat((List<Object>) spec.get("podMetricsEndpoints")).singleElement()
                .satisfies(e -> assertThat((Map<String, Object>) e).containsEntry("port", "metrics").containsEntry("path", "/metrics"));
        assertThat(Files.readString(DEPLOYMENTS.resolve("overlays/prod/kustomization.yaml"))).contains("- podmonitor.yaml");
        assertThat(Files.readString(DEPLOYMENTS.resolve("Dockerfile"))).contains("plugins/metrics-prometheus/flink-metrics-prometheus-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachOverlayBuildsIntoValidResourcesAndAValidSightlineConfiguration(String overlay) throws Exception {
        List<Map<String, Object>> resources = kustomize(overlay);
        Map<String, Object> deployment = only(resources, "FlinkDeployment");
        assertThat(flinkDeployment.violations(deployment)).as(overlay + " FlinkDeployment").isEmpty();

        Map<String, Object> configMap = named(resources, "ConfigMap", "sightline-config-");
        Path file = temp.resolve(overlay + ".yaml");
        Files.writeString(file, (String) map(configMap, "data").get("sightline.yaml"));
        SightlineConfig config = SightlineConfig.load(file, List.of());
        assertThat(config.get(ConfigKeys.DEPLOYMENT_TARGET)).isEqualTo(DeploymentTarget.CLUSTER);
        String mounted = String.valueOf(map(map(deployment, "spec"), "podTemplate"));
        assertThat(mounted).as("the pod template mounts the ConfigMap by its rendered name")
                .contains(String.valueOf(map(configMap, "metadata").get("name")));

        Map<String, Object> flink = map(map(deployment, "spec"), "flinkConfiguration");
        if (overlay.equals("prod")) {
            assertThat(flink).containsEntry("job.autoscaler.enabled", "true").containsEntry("external-resources", "gpu");
            Map<String, Object> taskManagerPod = map(map(map(deployment, "spec"), "taskManager"), "podTemplate");
            Map<String, Object> gpuTemplate = only(documents(Files.readString(DEPLOYMENTS.resolve("pod-templates/gpu-taskmanager.yaml"))), "Pod");
            assertThat(map(taskManagerPod, "spec")).as("prod TaskManagers use pod-templates/gpu-taskmanager.yaml")
                    .isEqualTo(map(gpuTemplate, "spec"));
            assertThat(map(taskManagerPod, "metadata").get("labels")).isEqualTo(map(gpuTemplate, "metadata").get("labels"));
        } else {
            assertThat(String.valueOf(deployment)).doesNotContain("nvidia.com/gpu");
        }
    }
}
