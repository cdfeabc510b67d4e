package dev.sightline.config;

import java.util.function.Function;

/**
 * One configuration key: its dotted name, how its text is parsed and checked, its default
 * (possibly derived from other keys) and a description for docs/configuration.md.
 */
public record ConfigKey<T>(
        String name,
        String allowed,
        String defaultText,
        String description,
        ValueParser<T> parser,
        Function<SightlineConfig, T> defaultValue) {

    /** Parses a value given for this key, or throws a {@link ConfigException} naming it. */
    T parse(String text) {
        try {
            return parser.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad value for '" + name + "': '" + text + "' (" + e.getMessage()
                    + "; allowed: " + allowed + ")");
        }
    }
}
