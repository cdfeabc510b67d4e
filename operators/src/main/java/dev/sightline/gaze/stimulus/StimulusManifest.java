package dev.sightline.gaze.stimulus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a stimulus manifest file: a YAML map from entry names to their fields, the same fields as
 * the configuration's {@code gaze.stimulus.<name>.*} keys ({@code recording}, {@code media},
 * {@code video}, {@code video-sha256}, {@code rect}, {@code offset}).
 */
public final class StimulusManifest {

    /** The fields an entry may have. */
    public static final Set<String> FIELDS = Set.of("recording", "media", "video", "video-sha256", "rect", "offset");

    private StimulusManifest() {}

    /** The entries of a manifest; throws {@link IllegalArgumentException} saying what is wrong. */
    public static List<StimulusEntry> parse(String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a map from entry names to their fields");
        }
        List<StimulusEntry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException("stimulus '" + name + "': expected its fields (" + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
            for (Object field : fields.keySet()) {
                if (!FIELDS.contains(String.valueOf(field))) {
                    throw new IllegalArgumentException("stimulus '" + name + "': unknown field '" + field + "' (known: "
                            + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
                }
            }
            entries.add(new StimulusEntry(name, text(fields.get("recording")), text(fields.get("media")), text(fields.get("video")),
                    text(fields.get("video-sha256")), StimulusEntry.parseRect(name, text(fields.get("rect"))),
                    offsetMs(name, text(fields.get("offset")))));
        }
        return entries;
    }

    /** A duration written {@code 1500ms}, {@code 2.5s} or {@code 1min}; a bare number is milliseconds; "" is NaN (not given). */
    public static double offsetMs(String name, String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        double factor = 1;
        String number = t;
        if (t.endsWith("ms")) {
            number = t.substring(0, t.length() - 2);
        } else if (t.endsWith("min")) {
            number = t.substring(0, t.length() - 3);
            factor = 60_000;
        } else if (t.endsWith("s")) {
            number = t.substring(0, t.length() - 1);
            factor = 1000;
        }
        try {
            double value = Double.parseDouble(number.trim()) * factor;
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stimulus '" + name + "': 'offset' must be a duration such as 1500ms or 2.5s, got '" + text + "'");
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
