package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SightlineConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsNeedNoFile() {
        SightlineConfig config = SightlineConfig.defaults();
        assertThat(config.get(ConfigKeys.INBOX_PATH)).isEqualTo(Path.of("sightline-data", "inbox"));
        assertThat(config.get(ConfigKeys.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.get(ConfigKeys.CATALOG_URI))
                .isEqualTo("jdbc:sqlite:" + Path.of("sightline-data", "warehouse", "catalog.db").toAbsolutePath());
        assertThat(config.get(ConfigKeys.WAREHOUSE_PATH)).startsWith("file:/").endsWith("/sightline-data/warehouse");
        assertThat(config.get(ConfigKeys.DEPLOYMENT_TARGET)).isEqualTo(DeploymentTarget.LOCAL);
    }

    @Test
    void derivedDefaultsFollowTheKeysTheyDeriveFrom() {
        SightlineConfig config = SightlineConfig.of(Map.of("data-dir", "/srv/s", "warehouse.path", "/data/wh"));
        assertThat(config.get(ConfigKeys.INBOX_PATH)).isEqualTo(Path.of("/srv/s/inbox"));
        assertThat(config.get(ConfigKeys.CATALOG_URI)).isEqualTo("jdbc:sqlite:/data/wh/catalog.db");
    }

    @Test
    void readsNestedAndDottedYamlAndAppliesOverridesLast() throws Exception {
        Path file = dir.resolve("sightline.yaml");
        Files.writeString(file, """
                inbox:
                  path: /in
                  scan-interval: 500ms
                checkpoint.interval: 1m
                job:
                  parallelism: 4
                """);
        SightlineConfig config = SightlineConfig.load(file, List.of("job.parallelism=8", "dedupe.ttl=7d"));
        assertThat(config.get(ConfigKeys.INBOX_PATH)).isEqualTo(Path.of("/in"));
        assertThat(config.get(ConfigKeys.INBOX_SCAN_INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(config.get(ConfigKeys.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.get(ConfigKeys.PARALLELISM)).isEqualTo(8);
        assertThat(config.get(ConfigKeys.DEDUPE_TTL)).isEqualTo(Duration.ofDays(7));
        assertThat(SightlineConfig.load(null, List.of("checkpoint.interval=PT30S")).get(ConfigKeys.CHECKPOINT_INTERVAL))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void unknownKeysStopTheStartWithTheKeyAndASuggestion() {
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("checkpoint.intervall", "10s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown configuration key 'checkpoint.intervall'")
                .hasMessageContaining("checkpoint.interval");
    }

    @Test
    void thePrometheusPortIsAPortAnyFreePortOrOff() {
        assertThat(SightlineConfig.defaults().get(ConfigKeys.METRICS_PROMETHEUS_PORT)).isEqualTo(9249);
        assertThat(SightlineConfig.of(Map.of("metrics.prometheus.port", "0")).get(ConfigKeys.METRICS_PROMETHEUS_PORT)).isZero();
        assertThat(SightlineConfig.of(Map.of("metrics.prometheus.port", "OFF")).get(ConfigKeys.METRICS_PROMETHEUS_PORT)).isEqualTo(-1);
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("metrics.prometheus.port", "70000")))
                .hasMessageContaining("'metrics.prometheus.port'").hasMessageContaining("off, or 0 to 65535");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("metrics.prometheus.port", "-1"))).hasMessageContaining("out of range");
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("job.parallelism", "zero")))
                .hasMessageContaining("'job.parallelism'").hasMessageContaining("'zero'").hasMessageContaining("1 to 1024");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("job.parallelism", "0")))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("checkpoint.interval", "10 parsecs")))
                .hasMessageContaining("'checkpoint.interval'").hasMessageContaining("not a duration");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("checkpoint.interval", "10ms")))
                .hasMessageContaining("from 100ms to 1h");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("state.backend", "memory")))
                .hasMessageContaining("hashmap | rocksdb");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("catalog.uri", "sqlite:x.db")))
                .hasMessageContaining("'catalog.uri'");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("web-ui.port", "70000")))
                .hasMessageContaining("0 to 65535");
    }

    @Test
    void badFilesAndOverridesAreReportedClearly() throws Exception {
        assertThatThrownBy(() -> SightlineConfig.load(dir.resolve("missing.yaml"), List.of()))
                .hasMessageContaining("configuration file not found");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "inbox: [unclosed\n");
        assertThatThrownBy(() -> SightlineConfig.load(broken, List.of())).hasMessageContaining("not valid YAML");
        Path list = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
        assertThatThrownBy(() -> SightlineConfig.load(list, List.of())).hasMessageContaining("must hold a map");
        assertThatThrownBy(() -> SightlineConfig.load(null, List.of("job.parallelism")))
                .hasMessageContaining("expected key=value");
    }
}
