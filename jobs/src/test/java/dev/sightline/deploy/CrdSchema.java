package dev.sightline.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks a resource against a CustomResourceDefinition's structural OpenAPI v3 schema the way the
 * API server prunes and validates it: types, unknown fields, required fields, enums, maps
 * ({@code additionalProperties}), arrays, and {@code x-kubernetes-int-or-string}. Enough for the
 * operator's CRDs; not a general JSON Schema validator.
 */
final class CrdSchema {

    private final Map<String, Object> root;

    private CrdSchema(Map<String, Object> root) {
        this.root = root;
    }

    /** The schema of {@code version} in a CRD file. */
    @SuppressWarnings("unchecked")
    static CrdSchema load(Path crdFile, String version) throws IOException {
        Map<String, Object> crd;
        try (Reader reader = Files.newBufferedReader(crdFile)) {
            crd = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        for (Object v : (List<Object>) ((Map<String, Object>) crd.get("spec")).get("versions")) {
            Map<String, Object> entry = (Map<String, Object>) v;
            if (version.equals(entry.get("name"))) {
                return new CrdSchema((Map<String, Object>) ((Map<String, Object>) entry.get("schema")).get("openAPIV3Schema"));
            }
        }
        throw new IllegalArgumentException("no version " + version + " in " + crdFile);
    }

    /** Every violation in {@code resource}, each with its path; empty when it is valid. */
    List<String> violations(Map<String, Object> resource) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> checked = new java.util.LinkedHashMap<>(resource);
        // The API server checks these itself for every resource; CRD schemas leave them out.
        checked.keySet().removeAll(List.of("apiVersion", "kind", "metadata"));
        check(root, checked, "", problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> schema, Object value, String path, List<String> problems) {
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                problems.add(path + ": null is not allowed");
            }
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!(value instanceof Integer || value instanceof Long || value instanceof String)) {
                problems.add(path + ": expected an integer or a string, got " + value);
            }
            return;
        }
        Object enumValues = schema.get("enum");
        if (enumValues instanceof List<?> allowed && !allowed.contains(value)) {
            problems.add(path + ": '" + value + "' is not one of " + allowed);
        }
        String type = (String) schema.get("type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> map)) {
                    problems.add(path + ": expected an object, got " + value);
                    return;
                }
                Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
                Object additional = schema.get("additionalProperties");
                boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
                for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                    if (!map.containsKey(required)) {
                        problems.add(path + ": required field '" + required + "' is missing");
                    }
                }
                for (Map.Entry<?, ?> field : map.entrySet()) {
                    String name = String.valueOf(field.getKey());
                    String fieldPath = path + "." + name;
                    if (properties != null && properties.containsKey(name)) {
                        check((Map<String, Object>) properties.get(name), field.getValue(), fieldPath, problems);
                    } else if (additional instanceof Map<?, ?> valueSchema) {
                        check((Map<String, Object>) valueSchema, field.getValue(), fieldPath, problems);
                    } else if (properties != null && !preserve && !Boolean.TRUE.equals(additional)) {
                        problems.add(fieldPath + ": unknown field");
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    problems.add(path + ": expected an array, got " + value);
                    return;
                }
                Map<String, Object> items = (Map<String, Object>) schema.get("items");
                for (int i = 0; i < list.size(); i++) {
                    if (items != null) {
                        check(items, list.get(i), path + "[" + i + "]", problems);
                    }
                }
            }
            case "string" -> {
                if (!(value instanceof String)) {
                    problems.add(path + ": expected a string, got " + value + " (quote it)");
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    problems.add(path + ": expected an integer, got " + value);
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    problems.add(path + ": expected a number, got " + value);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    problems.add(path + ": expected true or false, got " + value);
                }
            }
            default -> problems.add(path + ": schema type " + type + " is not handled");
        }
    }
}
