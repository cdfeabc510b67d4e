package dev.sightline.config;

import dev.sightline.cloud.ObjectNotFoundException;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.RoutingObjectStore;
import dev.sightline.cloud.S3Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The job description file of the system Sightline replaces: where the recordings are (input
 * bucket and prefix) and where results go (output bucket and prefix), as JSON or YAML, nested
 * ({@code {"input": {"bucket": ..., "prefix": ...}, "output": {...}}}) or flat
 * ({@code input_bucket}, {@code input_prefix}, {@code output_bucket}, {@code output_prefix}).
 *
 * @param inputBucket bucket of the recordings
 * @param inputPrefix key prefix of the recordings ("" for the whole bucket)
 * @param outputBucket bucket of the results
 * @param outputPrefix key prefix under which results go ("" for the bucket's root)
 */
public record JobDescription(String inputBucket, String inputPrefix, String outputBucket, String outputPrefix) {

    /** S3's rules for bucket names: 3 to 63 lower-case letters, digits, dots and hyphens. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Set<String> FIELDS = Set.of("input.bucket", "input.prefix", "output.bucket", "output.prefix");

    public JobDescription {
        checkBucket("input.bucket", inputBucket);
        checkBucket("output.bucket", outputBucket);
        inputPrefix = normalise(inputPrefix);
        outputPrefix = normalise(outputPrefix);
    }

    /** Reads a description from a local path or an {@code s3://} URI; a clear error if it cannot. */
    public static JobDescription read(String location, S3Settings aws) {
        byte[] bytes;
        try (ObjectStore store = new RoutingObjectStore(aws); InputStream in = store.open(location)) {
            bytes = in.readAllBytes();
        } catch (ObjectNotFoundException e) {
            throw new ConfigException("job description not found: " + location);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read job description " + location + ": " + e.getMessage());
        }
        try {
            return parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad job description " + location + ": " + e.getMessage());
        }
    }

    /** Parses the text of a description (JSON is YAML, so one parser reads both). */
    public static JobDescription parse(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("neither JSON nor YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected an object with input and output, e.g. "
                    + "{\"input\": {\"bucket\": \"raw\", \"prefix\": \"study-1/\"}, \"output\": {\"bucket\": \"results\", \"prefix\": \"study-1/\"}}");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", map, fields);
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' (allowed: input.bucket, input.prefix, output.bucket, output.prefix)");
            }
        }
        return new JobDescription(fields.get("input.bucket"), fields.getOrDefault("input.prefix", ""),
                fields.get("output.bucket"), fields.getOrDefault("output.prefix", ""));
    }

    /** The prefix whose objects the job analyses: {@code s3://input-bucket/input-prefix}. */
    public String inputUri() {
        return "s3://" + inputBucket + "/" + inputPrefix;
    }

    /** Where results of one kind go: {@code s3://output-bucket/output-prefix/<name>}. */
    public String outputUri(String name) {
        return "s3://" + outputBucket + "/" + outputPrefix + name;
    }

    /** The configuration values this description stands for. */
    public Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        settings.put(ConfigKeys.INPUT_PREFIX.name(), inputUri());
        settings.put(ConfigKeys.WAREHOUSE_PATH.name(), outputUri("warehouse"));
        settings.put(ConfigKeys.PROCESSED_PATH.name(), outputUri("processed"));
        return settings;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            // input_bucket, inputBucket and input.bucket all name the same field.
            String name = (prefix + entry.getKey()).replaceAll("([a-z])([A-Z])", "$1.$2").replace('_', '.').toLowerCase(java.util.Locale.ROOT);
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, out);
            } else if (value instanceof List<?>) {
                throw new IllegalArgumentException("'" + name + "' must be a text, not a list");
            } else {
                out.put(name, value == null ? "" : String.valueOf(value));
            }
        }
    }

    private static void checkBucket(String field, String bucket) {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException(field + " '" + bucket + "' is not an S3 bucket name (3-63 lower-case letters, digits, '.', '-')");
        }
    }

    private static String normalise(String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }
}
