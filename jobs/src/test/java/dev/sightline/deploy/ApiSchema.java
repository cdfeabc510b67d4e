package dev.sightline.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks a resource against its API schema the way the API server validates it with strict field
 * validation: types, unknown fields, required fields, enums, maps ({@code additionalProperties}),
 * arrays, int-or-string and quantities. Two sources: a CustomResourceDefinition's structural
 * OpenAPI v3 schema, and the JSON schemas of the built-in Kubernetes API that fabric8's model jars
 * ship ({@code schema/validation-schema.json}, generated from the Kubernetes Go types; their
 * {@code $ref}s resolved, their objects closed as the Go structs are). Not a general JSON Schema
 * validator.
 */
final class ApiSchema {

    private final Map<String, Object> root;
    private final Map<String, Object> definitions;
    private final Map<String, Object> resources;
    /** fabric8 marks every object open ({@code additionalProperties: true}) for its Java maps; the API is not. */
    private final boolean closedObjects;

    private ApiSchema(Map<String, Object> root, Map<String, Object> definitions, Map<String, Object> resources, boolean closedObjects) {
        this.root = root;
        this.definitions = definitions;
        this.resources = resources;
        this.closedObjects = closedObjects;
    }

    /** The schema of {@code version} in a CRD file. */
    @SuppressWarnings("unchecked")
    static ApiSchema crd(Path crdFile, String version) throws IOException {
        Map<String, Object> crd;
        try (Reader reader = Files.newBufferedReader(crdFile)) {
            crd = (Map<String, Object>) yaml().load(reader);
        }
        for (Object v : (List<Object>) ((Map<String, Object>) crd.get("spec")).get("versions")) {
            Map<String, Object> entry = (Map<String, Object>) v;
            if (version.equals(entry.get("name"))) {
                return new ApiSchema((Map<String, Object>) ((Map<String, Object>) entry.get("schema")).get("openAPIV3Schema"),
                        Map.of(), Map.of(), false);
            }
        }
        throw new IllegalArgumentException("no version " + version + " in " + crdFile);
    }

    /**
     * The built-in API groups of the fabric8 model jars on the test class path, by their module
     * names ({@code core}, {@code apps}, {@code networking}); each jar's schema holds its group's
     * kinds and every type they refer to.
     */
    @SuppressWarnings("unchecked")
    static ApiSchema kubernetes(String... modules) throws IOException {
        Map<String, Object> definitions = new LinkedHashMap<>();
        Map<String, Object> resources = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        for (URL url : Collections.list(ApiSchema.class.getClassLoader().getResources("schema/validation-schema.json"))) {
            Map<String, Object> schema;
            try (InputStream in = url.openStream()) {
                schema = (Map<String, Object>) yaml().load(in);
            }
            String module = String.valueOf(schema.get("$module"));
            if (List.of(modules).contains(module)) {
                found.add(module);
                definitions.putAll((Map<String, Object>) schema.get("definitions"));
            }
        }
        if (found.size() < modules.length) {
            throw new IllegalStateException("fabric8 model schemas found for " + found + " of " + List.of(modules)
                    + " (io.fabric8:kubernetes-model-* test dependencies)");
        }
        // the kinds: definitions whose apiVersion and kind have defaults (a kind can be served in several versions)
        for (Object d : definitions.values()) {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) d).get("properties");
            if (properties != null && properties.get("apiVersion") instanceof Map<?, ?> version && properties.get("kind") instanceof Map<?, ?> kind
                    && version.get("default") != null && kind.get("default") != null) {
                resources.putIfAbsent(version.get("default") + " " + kind.get("default"), d);
            }
        }
        return new ApiSchema(null, definitions, resources, true);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    /** Every violation in {@code resource}, each with its path; empty when it is valid. */
    @SuppressWarnings("unchecked")
    List<String> violations(Map<String, Object> resource) {
        List<String> problems = new ArrayList<>();
        if (root != null) {
            Map<String, Object> checked = new LinkedHashMap<>(resource);
            // The API server checks these itself for every resource; CRD schemas leave them out.
            checked.keySet().removeAll(List.of("apiVersion", "kind", "metadata"));
            check(root, checked, "", problems);
            return problems;
        }
        String kind = String.valueOf(resource.get("kind"));
        Map<String, Object> schema = (Map<String, Object>) resources.get(resource.get("apiVersion") + " " + kind);
        if (schema == null) {
            List<String> served = resources.keySet().stream().filter(k -> k.endsWith(" " + kind)).map(k -> k.substring(0, k.indexOf(' '))).toList();
            return List.of(served.isEmpty() ? ": kind " + kind + " is not in the loaded API groups"
                    : ".apiVersion: " + kind + " is served as " + String.join(" or ", served) + ", not " + resource.get("apiVersion"));
        }
        if (!(resource.get("metadata") instanceof Map<?, ?> metadata) || !(metadata.get("name") instanceof String)) {
            problems.add(".metadata.name: required field is missing");
        }
        check(schema, resource, "", problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref instanceof String pointer && pointer.startsWith("#/definitions/")) {
            Map<String, Object> target = (Map<String, Object>) definitions.get(pointer.substring("#/definitions/".length()));
            if (target == null) {
                throw new IllegalStateException("unresolved schema reference " + pointer);
            }
            return target;
        }
        return schema;
    }

    private static String javaType(Map<String, Object> schema) {
        Object type = schema.containsKey("javaType") ? schema.get("javaType") : schema.get("existingJavaType");
        return type == null ? "" : type.toString();
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> declared, Object value, String path, List<String> problems) {
        Map<String, Object> schema = resolve(declared);
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable")) && !closedObjects) {
                problems.add(path + ": null is not allowed");
            }
            return;
        }
        String java = javaType(schema) + " " + javaType(declared);
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string")) || java.contains("IntOrString")) {
            if (!(value instanceof Integer || value instanceof Long || value instanceof String)) {
                problems.add(path + ": expected an integer or a string, got " + value);
            }
            return;
        }
        if (java.contains("Quantity") && !java.contains("Map<")) {
            if (!(value instanceof String || value instanceof Integer || value instanceof Long)) {
                problems.add(path + ": expected a quantity (\"500m\", \"1Gi\", 2), got " + value);
            }
            return;
        }
        Object enumValues = schema.get("enum");
        if (enumValues instanceof List<?> allowed && !allowed.contains(value)) {
            problems.add(path + ": '" + value + "' is not one of " + allowed);
        }
        String type = (String) schema.get("type");
        if (type == null && schema.containsKey("properties")) {
            type = "object"; // fabric8's top-level resources
        }
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
                boolean open = Boolean.TRUE.equals(additional) && !closedObjects;
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
                    } else if (properties != null && !preserve && !open) {
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
