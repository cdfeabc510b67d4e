package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.sink.IcebergCatalogSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogConfigTest {

    @Test
    void catalogKindsNeedTheirOwnKindOfUri() {
        IcebergCatalogSettings rest = CatalogConfig.settings(SightlineConfig.of(Map.of("catalog.kind", "rest",
                "catalog.uri", "https://catalog.example.com/api", "catalog.credential", "client:secret", "warehouse.path", "s3://lake/wh")));
        assertThat(rest.catalogImpl()).isEqualTo(IcebergCatalogSettings.REST_CATALOG);
        assertThat(rest.properties()).containsEntry("uri", "https://catalog.example.com/api").containsEntry("credential", "client:secret")
                .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
        IcebergCatalogSettings glue = CatalogConfig.settings(SightlineConfig.of(Map.of("catalog.kind", "glue", "warehouse.path", "s3://lake/wh")));
        assertThat(glue.catalogImpl()).isEqualTo(IcebergCatalogSettings.GLUE_CATALOG);
        assertThat(glue.properties()).doesNotContainKey("glue.endpoint").containsEntry("warehouse", "s3://lake/wh");

        assertThatThrownBy(() -> CatalogConfig.settings(SightlineConfig.of(Map.of("catalog.kind", "rest"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'catalog.kind: rest' needs the REST catalog's http(s) URL");
        assertThatThrownBy(() -> CatalogConfig.settings(SightlineConfig.of(Map.of("catalog.kind", "glue"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs 'warehouse.path' on S3");
        assertThatThrownBy(() -> CatalogConfig.settings(SightlineConfig.of(Map.of("catalog.uri", "https://x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'catalog.kind: jdbc' needs a JDBC URL");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("catalog.uri", "thrift://metastore:9083")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("catalog.uri");
    }
}
