package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.job.SightlineJob;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenanceConfigTest {

    @Test
    void aJdbcCatalogLendsItsDatabaseToTheLock() {
        SightlineConfig config = SightlineConfig.of(Map.of("data-dir", "/tmp/sl", "warehouse.maintenance.enabled", "true"));
        var settings = MaintenanceConfig.settings(config);
        assertThat(settings.lockUri()).isEqualTo(config.get(ConfigKeys.CATALOG_URI)).startsWith("jdbc:sqlite:");
        assertThat(settings.expireAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.retainLast()).isEqualTo(20);
        assertThat(settings.targetFileBytes()).isEqualTo(128L * 1024 * 1024);
    }

    @Test
    void restAndGlueCatalogsNeedALockDatabaseAndBadValuesAreNamed() {
        Map<String, String> rest = Map.of("catalog.kind", "rest", "catalog.uri", "https://catalog.example.com", "warehouse.path", "s3://lake/wh",
                "warehouse.maintenance.enabled", "true");
        assertThatThrownBy(() -> SightlineJob.graph(SightlineConfig.of(rest)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'warehouse.maintenance.lock-uri' is empty")
                .hasMessageContaining("rest catalog");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("warehouse.maintenance.lock-uri", "postgres://db")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("warehouse.maintenance.lock-uri");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("warehouse.maintenance.expire-after", "10s")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("warehouse.maintenance.expire-after");
    }
}
