package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.SightlineConfig;
import dev.sightline.sink.TableDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** docs/data-model.md documents every table the job writes and every column of each. */
class DataModelDocTest {

    @Test
    void everyTableAndColumnIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "data-model.md"));
        for (TableDefinition<?> table : SightlineJob.graph(SightlineConfig.defaults()).tables()) {
            int section = doc.indexOf("## `" + table.name() + "`");
            assertThat(section).as("section for table " + table.name()).isNotNegative();
            int next = doc.indexOf("\n## ", section + 1);
            String body = next < 0 ? doc.substring(section) : doc.substring(section, next);
            for (Types.NestedField column : table.schema().columns()) {
                assertThat(body).as("row for " + table.name() + "." + column.name()).contains("| `" + column.name() + "` |");
            }
        }
    }
}
