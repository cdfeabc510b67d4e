package dev.sightline.deploy;

import java.util.List;
import java.util.Map;

/**
 * Decides whether NetworkPolicies let a pod connect to another pod's TCP port, with the semantics
 * of the Kubernetes API (networking.k8s.io/v1, ingress rules): a pod no policy selects takes every
 * connection; a selected pod takes those that some rule of a selecting policy allows, by peer
 * ({@code podSelector} in the policy's namespace, {@code namespaceSelector}, both) and port
 * (number, name of a container port, {@code endPort} ranges). IP blocks match no pod.
 */
final class NetworkPolicyModel {

    /** A pod: its namespace, the namespace's labels, its own labels and its named container ports. */
    record Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels, Map<String, Integer> namedPorts) {

        /** A pod in a namespace labelled only with its name, as Kubernetes labels every namespace. */
        static Pod in(String namespace, Map<String, String> labels) {
            return new Pod(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, Map.of());
        }

        Pod withPorts(Map<String, Integer> ports) {
            return new Pod(namespace, namespaceLabels, labels, ports);
        }
    }

    private final List<Map<String, Object>> policies;

    /** {@code policies}: NetworkPolicy resources as rendered, each with its metadata.namespace. */
    NetworkPolicyModel(List<Map<String, Object>> policies) {
        this.policies = policies;
    }

    /** Whether {@code from} may open a TCP connection to {@code port} of {@code to}. */
    @SuppressWarnings("unchecked")
    boolean allows(Pod from, Pod to, int port) {
        boolean selected = false;
        for (Map<String, Object> policy : policies) {
            String namespace = String.valueOf(((Map<String, Object>) policy.get("metadata")).get("namespace"));
            Map<String, Object> spec = (Map<String, Object>) policy.get("spec");
            if (!namespace.equals(to.namespace()) || !matches((Map<String, Object>) spec.get("podSelector"), to.labels())
                    || !governsIngress(spec)) {
                continue;
            }
            selected = true;
            for (Object r : (List<Object>) spec.getOrDefault("ingress", List.of())) {
                Map<String, Object> rule = (Map<String, Object>) r;
                if (fromMatches((List<Object>) rule.get("from"), namespace, from) && portMatches((List<Object>) rule.get("ports"), to, port)) {
                    return true;
                }
            }
        }
        return !selected;
    }

    @SuppressWarnings("unchecked")
    private static boolean governsIngress(Map<String, Object> spec) {
        List<Object> types = (List<Object>) spec.get("policyTypes");
        return types == null ? true : types.contains("Ingress"); // absent: Ingress, plus Egress when it has egress rules
    }

    @SuppressWarnings("unchecked")
    private static boolean fromMatches(List<Object> peers, String policyNamespace, Pod from) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (Object p : peers) {
            Map<String, Object> peer = (Map<String, Object>) p;
            if (peer.containsKey("ipBlock")) {
                continue;
            }
            Map<String, Object> namespaces = (Map<String, Object>) peer.get("namespaceSelector");
            Map<String, Object> pods = (Map<String, Object>) peer.get("podSelector");
            boolean namespaceOk = namespaces == null ? from.namespace().equals(policyNamespace) : matches(namespaces, from.namespaceLabels());
            boolean podOk = pods == null || matches(pods, from.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean portMatches(List<Object> ports, Pod to, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (Object p : ports) {
            Map<String, Object> entry = (Map<String, Object>) p;
            if (!"TCP".equals(entry.getOrDefault("protocol", "TCP"))) {
                continue;
            }
            Object declared = entry.get("port");
            if (declared == null) {
                return true; // every port of the protocol
            }
            Integer first = declared instanceof Integer n ? n : to.namedPorts().get(String.valueOf(declared));
            if (first == null) {
                continue;
            }
            int last = entry.get("endPort") instanceof Integer end ? end : first;
            if (port >= first && port <= last) {
                return true;
            }
        }
        return false;
    }

    /** A label selector: every matchLabels pair and every matchExpressions requirement holds; empty selects all. */
    @SuppressWarnings("unchecked")
    static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, Object> required = (Map<String, Object>) selector.getOrDefault("matchLabels", Map.of());
        for (Map.Entry<String, Object> pair : required.entrySet()) {
            if (!String.valueOf(pair.getValue()).equals(labels.get(pair.getKey()))) {
                return false;
            }
        }
        for (Object e : (List<Object>) selector.getOrDefault("matchExpressions", List.of())) {
            Map<String, Object> expression = (Map<String, Object>) e;
            String value = labels.get(String.valueOf(expression.get("key")));
            List<Object> values = (List<Object>) expression.getOrDefault("values", List.of());
            boolean holds = switch (String.valueOf(expression.get("operator"))) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("unknown selector operator " + expression.get("operator"));
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
