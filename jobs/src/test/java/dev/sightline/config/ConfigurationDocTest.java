package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key, and every field of the key families, with its default. */
class ConfigurationDocTest {

    @Test
    void everyKeyIsDocumentedWithItsDefault() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(doc).as("docs/configuration.md row for " + key.name())
                    .contains("| `" + key.name() + "` | `" + key.defaultText() + "` |");
        }
        for (KeyFamily family : ConfigKeys.FAMILIES) {
            for (ConfigKey<?> field : family.fields()) {
                String name = family.prefix() + "<name>." + field.name();
                assertThat(doc).as("docs/configuration.md row for " + name).contains("| `" + name + "` | `" + field.defaultText() + "` |");
            }
        }
    }
}
