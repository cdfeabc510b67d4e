package dev.sightline.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A family of keys {@code <prefix><name>.<field>}, one entry per name (queues, tenants), each
 * field a {@link ConfigKey} named {@code <prefix><name>.<field>} in docs and messages.
 *
 * @param fields the fields, their names as written after {@code <name>.}
 */
public record KeyFamily(String prefix, List<ConfigKey<?>> fields) {

    /** The field of a key, or null when {@code key} belongs to another family. */
    ConfigKey<?> field(String fieldName) {
        for (ConfigKey<?> field : fields) {
            if (field.name().equals(fieldName)) {
                return field;
            }
        }
        return null;
    }

    /** The names of fields, for messages. */
    String fieldNames() {
        return String.join(", ", fields.stream().map(ConfigKey::name).toList());
    }

    /** One entry of a family: its name and the values given for its fields. */
    public record Entry(KeyFamily family, String name, Map<String, String> given) {

        public Entry {
            given = Map.copyOf(new LinkedHashMap<>(given));
        }

        /** The typed value of a field: as given, else its default. */
        @SuppressWarnings("unchecked")
        public <T> T get(ConfigKey<T> field) {
            String text = given.get(field.name());
            if (text == null) {
                return field.defaultValue().apply(null);
            }
            ConfigKey<T> named = new ConfigKey<>(family.prefix() + name + "." + field.name(), field.allowed(), field.defaultText(),
                    field.description(), field.parser(), field.defaultValue());
            return named.parse(text);
        }

        /** Whether a field was given. */
        public boolean has(ConfigKey<?> field) {
            return given.containsKey(field.name());
        }
    }
}
