package dev.sightline.deploy;

import static dev.sightline.deploy.Manifests.documents;
import static dev.sightline.deploy.Manifests.kustomize;
import static dev.sightline.deploy.Manifests.map;
import static dev.sightline.deploy.Manifests.named;
import static dev.sightline.deploy.Manifests.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.deploy.NetworkPolicyModel.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prod overlay lets people reach the Flink web UI and REST API only through an HTTPS ingress
 * behind OIDC sign-in (oauth2-proxy in front of the JobManager's REST service), and its
 * NetworkPolicies let only that proxy, the Flink operator and Prometheus (besides the Flink pods
 * themselves) reach the JobManager and TaskManagers. The rendered resources are checked against the
 * Kubernetes API schemas and the policies evaluated pod by pod.
 */
class DeploymentAccessTest {

    private static final String NAMESPACE = "sightline";
    private static ApiSchema kubernetes;
    private static List<Map<String, Object>> prod;

    @BeforeAll
    static void render() throws Exception {
        kubernetes = ApiSchema.kubernetes("core", "apps", "networking");
        prod = kustomize("prod");
    }

    @Test
    void everyBuiltInResourceOfTheProdOverlayValidatesAgainstTheKubernetesApi() {
        List<String> kinds = List.of("ConfigMap", "Service", "Deployment", "Ingress", "NetworkPolicy");
        List<Map<String, Object>> checked = prod.stream().filter(r -> kinds.contains(r.get("kind"))).toList();
        assertThat(checked).extracting(r -> r.get("kind")).contains(kinds.toArray());
        for (Map<String, Object> resource : checked) {
            assertThat(kubernetes.violations(resource)).as(resource.get("kind") + " " + map(resource, "metadata").get("name")).isEmpty();
        }
    }

    @Test
    void everyResourceOfTheOverlayLandsInTheJobsNamespace() {
        assertThat(prod).allSatisfy(r -> assertThat(map(r, "metadata").get("namespace"))
                .as(r.get("kind") + " " + map(r, "metadata").get("name")).isEqualTo(NAMESPACE));
    }

    @Test
    void theSchemaCheckRejectsWhatTheApiServerWould() {
        Map<String, Object> policy = documents("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: x}
                spec:
                  podSelektor: {matchLabels: {app: x}}
                  policyTypes: Ingress
                  ingress:
                    - from: {podSelector: {}}
                      ports: [{port: 8081, protocol: TCP, endport: 8090}]
                """).get(0);
        assertThat(kubernetes.violations(policy)).containsExactlyInAnyOrder(
                ".spec.podSelektor: unknown field",
                ".spec.policyTypes: expected an array, got Ingress",
                ".spec.ingress[0].from: expected an array, got {podSelector={}}",
                ".spec.ingress[0].ports[0].endport: unknown field");
        Map<String, Object> ingress = documents("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: x}
                spec:
                  tls: [{hosts: example.org}]
                  rules: [{host: example.org, http: {paths: [{path: /, backend: {serviceName: x, servicePort: 80}}]}}]
                """).get(0);
        assertThat(kubernetes.violations(ingress)).containsExactlyInAnyOrder(
                ".spec.tls[0].hosts: expected an array, got example.org",
                ".spec.rules[0].http.paths[0].backend.serviceName: unknown field",
                ".spec.rules[0].http.paths[0].backend.servicePort: unknown field");
        ingress.put("apiVersion", "extensions/v1beta1");
        assertThat(kubernetes.violations(ingress)).singleElement().asString()
                .startsWith(".apiVersion: Ingress is served as ").contains("networking.k8s.io/v1 ").endsWith(", not extensions/v1beta1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOnlyWayInIsHttpsThroughTheSignInProxy() {
        Map<String, Object> ingress = only(prod, "Ingress");
        Map<String, Object> spec = map(ingress, "spec");
        List<Object> tlsHosts = ((List<Object>) spec.get("tls")).stream()
                .flatMap(t -> ((List<Object>) ((Map<String, Object>) t).get("hosts")).stream()).toList();
        Map<String, Object> proxyService = service("sightline-oauth2-proxy");
        for (Object r : (List<Object>) spec.get("rules")) {
            Map<String, Object> rule = (Map<String, Object>) r;
            assertThat(tlsHosts).as("TLS for every host the ingress serves").contains(rule.get("host"));
            for (Object p : (List<Object>) map(rule, "http").get("paths")) {
                Map<String, Object> backend = map(map((Map<String, Object>) p, "backend"), "service");
                assertThat(backend.get("name")).as("every path goes to the sign-in proxy").isEqualTo("sightline-oauth2-proxy");
                Object port = map(backend, "port").get("name");
                assertThat(((List<Object>) map(proxyService, "spec").get("ports")).stream().map(s -> ((Map<String, Object>) s).get("name")))
                        .contains(port);
            }
        }
        assertThat(map(map(ingress, "metadata"), "annotations")).containsKey("cert-manager.io/cluster-issuer");

        Map<String, Object> deployment = only(prod, "FlinkDeployment");
        assertThat(map(deployment, "spec")).as("no ingress of the operator's own, straight to the JobManager").doesNotContainKey("ingress");
        Map<String, Object> flink = map(map(deployment, "spec"), "flinkConfiguration");
        assertThat(flink).containsEntry("kubernetes.rest-service.exposed.type", "ClusterIP");
        assertThat(flink.getOrDefault("rest.port", "8081")).isEqualTo("8081");
        assertThat(prod).filteredOn(r -> "Service".equals(r.get("kind")))
                .allSatisfy(s -> assertThat(map(s, "spec").getOrDefault("type", "ClusterIP")).isEqualTo("ClusterIP"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProxySignsInAtTheConfiguredIssuerAndForwardsToTheJobManagersRestService() {
        Map<String, Object> proxy = deployment("sightline-oauth2-proxy");
        Map<String, Object> podSpec = map(map(map(proxy, "spec"), "template"), "spec");
        Map<String, Object> container = (Map<String, Object>) ((List<Object>) podSpec.get("containers")).get(0);
        List<Object> args = (List<Object>) container.get("args");
        String flinkName = String.valueOf(map(only(prod, "FlinkDeployment"), "metadata").get("name"));
        assertThat(args).contains("--provider=oidc", "--cookie-secure=true", "--reverse-proxy=true",
                "--upstream=http://" + flinkName + "-rest:8081/"); // the REST service the operator creates
        assertThat(String.valueOf(container.get("image"))).matches("quay\\.io/oauth2-proxy/oauth2-proxy:v7\\.[0-9.]+(@sha256:[0-9a-f]{64})?");

        // issuer, client and redirect from the generated ConfigMap; secrets from the Secret the operator creates
        Map<String, Object> oidc = named(prod, "ConfigMap", "sightline-oidc-");
        String configMapRef = String.valueOf(map((Map<String, Object>) ((List<Object>) container.get("envFrom")).get(0), "configMapRef").get("name"));
        assertThat(configMapRef).isEqualTo(map(oidc, "metadata").get("name"));
        Map<String, Object> data = map(oidc, "data");
        assertThat(data).containsKeys("OAUTH2_PROXY_OIDC_ISSUER_URL", "OAUTH2_PROXY_CLIENT_ID", "OAUTH2_PROXY_REDIRECT_URL",
                "OAUTH2_PROXY_EMAIL_DOMAINS");
        assertThat(String.valueOf(data.get("OAUTH2_PROXY_OIDC_ISSUER_URL"))).startsWith("https://");
        List<Object> rules = (List<Object>) map(only(prod, "Ingress"), "spec").get("rules");
        String host = String.valueOf(((Map<String, Object>) rules.get(0)).get("host"));
        assertThat(data.get("OAUTH2_PROXY_REDIRECT_URL")).isEqualTo("https://" + host + "/oauth2/callback");
        Map<String, String> secrets = new java.util.HashMap<>();
        for (Object e : (List<Object>) container.get("env")) {
            Map<String, Object> ref = map(map((Map<String, Object>) e, "valueFrom"), "secretKeyRef");
            secrets.put(String.valueOf(((Map<String, Object>) e).get("name")), ref.get("name") + "/" + ref.get("key"));
        }
        assertThat(secrets).containsEntry("OAUTH2_PROXY_CLIENT_SECRET", "sightline-oidc/client-secret")
                .containsEntry("OAUTH2_PROXY_COOKIE_SECRET", "sightline-oidc/cookie-secret");
        assertThat(prod).as("no secret in the repository").noneMatch(r -> "Secret".equals(r.get("kind")));

        // the Service reaches the proxy's pods and port
        Map<String, Object> service = service("sightline-oauth2-proxy");
        Map<String, String> podLabels = (Map<String, String>) map(map(map(proxy, "spec"), "template"), "metadata").get("labels");
        assertThat(podLabels).containsAllEntriesOf((Map<String, String>) map(service, "spec").get("selector"));
        Object targetPort = ((Map<String, Object>) ((List<Object>) map(service, "spec").get("ports")).get(0)).get("targetPort");
        assertThat(((List<Object>) container.get("ports")).stream().map(p -> ((Map<String, Object>) p).get("name"))).contains(targetPort);
    }

    @Test
    void onlyTheProxyTheOperatorAndPrometheusReachTheFlinkPods() throws Exception {
        NetworkPolicyModel policies = new NetworkPolicyModel(prod.stream().filter(r -> "NetworkPolicy".equals(r.get("kind"))).toList());
        // the operator labels a FlinkDeployment's pods so (the PodMonitor selects them by the same labels)
        Pod jobManager = Pod.in(NAMESPACE, Map.of("app", "sightline", "component", "jobmanager", "type", "flink-native-kubernetes"));
        Pod taskManager = Pod.in(NAMESPACE, Map.of("app", "sightline", "component", "taskmanager", "type", "flink-native-kubernetes"));
        @SuppressWarnings("unchecked")
        Pod proxy = Pod.in(NAMESPACE, (Map<String, String>) map(map(map(deployment("sightline-oauth2-proxy"), "spec"), "template"), "metadata")
                .get("labels")).withPorts(Map.of("http", 4180));
        Pod operator = Pod.in(terraformDefault("flink-operator", "flink_operator_namespace"),
                Map.of("app.kubernetes.io/name", "flink-kubernetes-operator"));
        Pod prometheus = Pod.in("monitoring", Map.of("app.kubernetes.io/name", "prometheus", "prometheus", "k8s"));
        Pod ingressController = Pod.in("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx", "app.kubernetes.io/component", "controller"));
        Pod neighbour = Pod.in(NAMESPACE, Map.of("app", "debug-shell"));
        Pod elsewhere = Pod.in("default", Map.of("app.kubernetes.io/name", "flink-kubernetes-operator"));

        assertThat(policies.allows(proxy, jobManager, 8081)).as("proxy -> web UI / REST").isTrue();
        assertThat(policies.allows(operator, jobManager, 8081)).as("operator -> REST").isTrue();
        assertThat(policies.allows(prometheus, jobManager, 9249)).as("Prometheus -> JobManager metrics").isTrue();
        assertThat(policies.allows(prometheus, taskManager, 9249)).as("Prometheus -> TaskManager metrics").isTrue();
        assertThat(policies.allows(taskManager, jobManager, 6123)).as("TaskManager -> JobManager RPC").isTrue();
        assertThat(policies.allows(taskManager, jobManager, 6124)).as("TaskManager -> blob server").isTrue();
        assertThat(policies.allows(jobManager, taskManager, 6122)).as("JobManager -> TaskManager RPC").isTrue();
        assertThat(policies.allows(taskManager, taskManager, 41873)).as("TaskManager -> TaskManager data exchange").isTrue();
        assertThat(policies.allows(ingressController, proxy, 4180)).as("ingress controller -> proxy").isTrue();

        assertThat(policies.allows(ingressController, jobManager, 8081)).as("ingress controller straight to the REST API").isFalse();
        assertThat(policies.allows(neighbour, jobManager, 8081)).as("another pod of the namespace -> REST").isFalse();
        assertThat(policies.allows(neighbour, taskManager, 6122)).as("another pod of the namespace -> TaskManager").isFalse();
        assertThat(policies.allows(neighbour, proxy, 4180)).as("another pod of the namespace -> proxy").isFalse();
        assertThat(policies.allows(elsewhere, jobManager, 8081)).as("a look-alike of the operator in another namespace").isFalse();
        assertThat(policies.allows(prometheus, jobManager, 8081)).as("Prometheus -> REST").isFalse();
        assertThat(policies.allows(operator, jobManager, 6123)).as("operator -> RPC").isFalse();
        assertThat(policies.allows(operator, taskManager, 6122)).as("operator -> TaskManager").isFalse();
        assertThat(policies.allows(proxy, taskManager, 6122)).as("proxy -> TaskManager").isFalse();
        assertThat(policies.allows(proxy, jobManager, 6123)).as("proxy -> JobManager RPC").isFalse();
    }

    @Test
    void theModelOfPoliciesFollowsTheApisRules() {
        List<Map<String, Object>> policy = documents("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: a}
                spec:
                  podSelector: {matchExpressions: [{key: tier, operator: In, values: [db]}]}
                  ingress:
                    - from: [{namespaceSelector: {matchLabels: {team: x}}}]
                      ports: [{port: 5000, endPort: 5010}]
                    - from: [{podSelector: {matchLabels: {role: app}}}]
                      ports: [{port: web}]
                """);
        NetworkPolicyModel model = new NetworkPolicyModel(policy);
        Pod db = Pod.in("a", Map.of("tier", "db")).withPorts(Map.of("web", 8080));
        Pod app = Pod.in("a", Map.of("role", "app"));
        Pod teamX = new Pod("b", Map.of("team", "x"), Map.of(), Map.of());
        assertThat(model.allows(teamX, db, 5005)).isTrue();
        assertThat(model.allows(teamX, db, 5011)).isFalse();
        assertThat(model.allows(app, db, 8080)).as("a named port").isTrue();
        assertThat(model.allows(app, db, 5005)).isFalse();
        assertThat(model.allows(Pod.in("b", Map.of("role", "app")), db, 8080)).as("podSelector alone: the policy's namespace").isFalse();
        assertThat(model.allows(teamX, Pod.in("a", Map.of("tier", "web")), 1)).as("a pod no policy selects").isTrue();
    }

    private static Map<String, Object> deployment(String name) {
        return prod.stream().filter(r -> "Deployment".equals(r.get("kind")) && name.equals(map(r, "metadata").get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static Map<String, Object> service(String name) {
        return prod.stream().filter(r -> "Service".equals(r.get("kind")) && name.equals(map(r, "metadata").get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + name));
    }

    /** The default of a variable of Terraform's flink-operator module, which installs the operator; checked against {@code expected}. */
    private static String terraformDefault(String expected, String variable) throws Exception {
        String tf = Files.readString(Path.of("..", "terraform", "modules", "flink-operator", "variables.tf"));
        Matcher m = Pattern.compile("variable \"" + variable + "\"\\s*\\{[^}]*?default\\s*=\\s*\"([^\"]+)\"", Pattern.DOTALL).matcher(tf);
        assertThat(m.find()).as("variable " + variable + " with a default").isTrue();
        assertThat(m.group(1)).as("the NetworkPolicy names the operator's namespace as Terraform installs it").isEqualTo(expected);
        return m.group(1);
    }
}
