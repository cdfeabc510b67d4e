package dev.sightline.config;

import dev.sightline.gaze.Aoi;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Sightline's typed configuration: one YAML file (nested maps or dotted keys) plus
 * {@code key=value} overrides, each checked against {@link ConfigKeys}. Unknown keys and bad
 * values fail the start with a message naming the key.
 */
public final class SightlineConfig {

    private final Map<String, String> given;
    private final Map<String, Object> parsed = new LinkedHashMap<>();

    private SightlineConfig(Map<String, String> given) {
        this.given = Collections.unmodifiableMap(new TreeMap<>(given));
        for (String name : given.keySet()) {
            if (name.startsWith(ConfigKeys.GAZE_AOI_PREFIX)) {
                aoi(name, given.get(name));
                continue;
            }
            KeyFamily family = familyOf(name);
            if (family != null) {
                familyField(family, name).parse(given.get(name)); // a bad value fails the start
                continue;
            }
            if (ConfigKeys.ALL.stream().noneMatch(k -> k.name().equals(name))) {
                throw new ConfigException("unknown configuration key '" + name + "'" + suggestion(name)
                        + "; see docs/configuration.md for the keys");
            }
        }
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            get(key); // parse and check every key now, so a bad value fails the start
        }
    }

    /** The defaults alone. */
    public static SightlineConfig defaults() {
        return new SightlineConfig(Map.of());
    }

    /** From {@code key=value} pairs alone. */
    public static SightlineConfig of(Map<String, String> values) {
        return withJobDescription(new SightlineConfig(values));
    }

    /**
     * Loads a YAML file (if given) and applies {@code key=value} overrides on top.
     *
     * @param file the YAML file, or null for defaults
     */
    public static SightlineConfig load(Path file, List<String> overrides) {
        Map<String, String> values = new TreeMap<>();
        if (file != null) {
            values.putAll(readYaml(file));
        }
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("bad override '" + override + "': expected key=value");
            }
            values.put(override.substring(0, eq).trim(), override.substring(eq + 1).trim());
        }
        return withJobDescription(new SightlineConfig(values));
    }

    /**
     * With {@code job-description} set, the values the description stands for, under the ones
     * given explicitly (the file and overrides win).
     */
    private static SightlineConfig withJobDescription(SightlineConfig config) {
        String location = config.get(ConfigKeys.JOB_DESCRIPTION);
        if (location.isEmpty()) {
            return config;
        }
        Map<String, String> values = new TreeMap<>(JobDescription.read(location, InputConfig.aws(config)).settings());
        values.putAll(config.given);
        return new SightlineConfig(values);
    }

    /**
     * This configuration with {@code defaults} under every value it has (for a command's own
     * defaults, such as backfill's prefix); the job description is not read again.
     */
    public SightlineConfig withDefaults(Map<String, String> defaults) {
        Map<String, String> values = new TreeMap<>(defaults);
        values.putAll(given);
        return new SightlineConfig(values);
    }

    /** The typed value of a key: as given, else its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        Object value = parsed.get(key.name());
        if (value == null) {
            String text = given.get(key.name());
            value = text != null ? key.parse(text) : key.defaultValue().apply(this);
            parsed.put(key.name(), value);
        }
        return (T) value;
    }

    /** The areas of interest ({@code gaze.aoi.<name>}), in name order. */
    public List<Aoi> aois() {
        return given.entrySet().stream()
                .filter(e -> e.getKey().startsWith(ConfigKeys.GAZE_AOI_PREFIX))
                .map(e -> aoi(e.getKey(), e.getValue()))
                .toList();
    }

    private static Aoi aoi(String key, String value) {
        String name = key.substring(ConfigKeys.GAZE_AOI_PREFIX.length());
        if (name.isEmpty()) {
            throw new ConfigException("bad key '" + key + "': name the area of interest, e.g. gaze.aoi.logo");
        }
        try {
            return Aoi.parse(name, value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad value for '" + key + "': '" + value + "' (" + e.getMessage()
                    + "; allowed: rect X Y WIDTH HEIGHT | polygon X1,Y1 X2,Y2 X3,Y3 ...)");
        }
    }

    /** The entries of a key family ({@code offload.queue.<name>.*}), by name in name order. */
    public Map<String, KeyFamily.Entry> entries(KeyFamily family) {
        Map<String, Map<String, String>> fields = new TreeMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey().startsWith(family.prefix())) {
                String rest = e.getKey().substring(family.prefix().length());
                int dot = rest.lastIndexOf('.');
                fields.computeIfAbsent(rest.substring(0, dot), k -> new TreeMap<>()).put(rest.substring(dot + 1), e.getValue());
            }
        }
        Map<String, KeyFamily.Entry> entries = new LinkedHashMap<>();
        fields.forEach((name, values) -> entries.put(name, new KeyFamily.Entry(family, name, values)));
        return entries;
    }

    private static KeyFamily familyOf(String key) {
        return ConfigKeys.FAMILIES.stream().filter(f -> key.startsWith(f.prefix())).findFirst().orElse(null);
    }

    /** The field key of {@code <prefix><name>.<field>}, named in full; a bad name or unknown field fails here. */
    private static ConfigKey<?> familyField(KeyFamily family, String key) {
        String rest = key.substring(family.prefix().length());
        int dot = rest.lastIndexOf('.');
        String name = dot < 0 ? "" : rest.substring(0, dot);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new ConfigException("bad key '" + key + "': expected " + family.prefix() + "<name>.<field>, the name letters, digits, '_' and '-'"
                    + " (fields: " + family.fieldNames() + ")");
        }
        ConfigKey<?> field = family.field(rest.substring(dot + 1));
        if (field == null) {
            throw new ConfigException("unknown configuration key '" + key + "' (fields of " + family.prefix() + name + ": "
                    + family.fieldNames() + ")");
        }
        return renamed(field, key);
    }

    private static <T> ConfigKey<T> renamed(ConfigKey<T> field, String key) {
        return new ConfigKey<>(key, field.allowed(), field.defaultText(), field.description(), field.parser(), field.defaultValue());
    }

    /** The keys set explicitly (file or overrides), for logging. */
    public Map<String, String> explicitValues() {
        return given;
    }

    private static Map<String, String> readYaml(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        } catch (YAMLException e) {
            throw new ConfigException("configuration file " + file + " is not valid YAML: " + e.getMessage());
        }
        Map<String, String> flat = new TreeMap<>();
        if (root == null) {
            return flat;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ConfigException("configuration file " + file + " must hold a map of keys, not " + root.getClass().getSimpleName());
        }
        flatten("", map, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, out);
            } else if (value instanceof List<?> list && ConfigKeys.LIST_KEYS.contains(name)) {
                if (list.stream().anyMatch(item -> item == null || item instanceof Map<?, ?> || item instanceof List<?>)) {
                    throw new ConfigException("bad value for '" + name + "': a list of strings is expected");
                }
                out.put(name, String.join("; ", list.stream().map(String::valueOf).toList()));
            } else if (value instanceof List<?>) {
                throw new ConfigException("bad value for '" + name + "': lists are not allowed here");
            } else if (value == null) {
                throw new ConfigException("bad value for '" + name + "': empty");
            } else {
                out.put(name, String.valueOf(value));
            }
        }
    }

    private static String suggestion(String name) {
        String tail = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        List<String> close = ConfigKeys.ALL.stream().map(ConfigKey::name)
                .filter(k -> k.endsWith(tail) || k.startsWith(name.split("\\.")[0] + "."))
                .collect(Collectors.toList());
        return close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
    }
}
