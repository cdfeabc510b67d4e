package dev.sightline.config;

import dev.sightline.cloud.S3Location;
import dev.sightline.cloud.S3Settings;
import dev.sightline.sink.IcebergCatalogSettings;

/** Builds the Iceberg catalog settings from the configuration's {@code catalog.*} and {@code warehouse.path} keys. */
public final class CatalogConfig {

    private CatalogConfig() {}

    /** The catalog the configuration names, with clear errors for combinations that cannot work. */
    public static IcebergCatalogSettings settings(SightlineConfig c) {
        String warehouse = c.get(ConfigKeys.WAREHOUSE_PATH);
        String uri = c.get(ConfigKeys.CATALOG_URI);
        String namespace = c.get(ConfigKeys.CATALOG_NAMESPACE);
        S3Settings aws = InputConfig.aws(c);
        CatalogKind kind = c.get(ConfigKeys.CATALOG_KIND);
        if (kind != CatalogKind.REST && !c.get(ConfigKeys.CATALOG_CREDENTIAL).isEmpty()) {
            throw new ConfigException("'catalog.credential' is for 'catalog.kind: rest' only");
        }
        return switch (kind) {
            case JDBC -> {
                if (!uri.startsWith("jdbc:")) {
                    throw new ConfigException("'catalog.kind: jdbc' needs a JDBC URL in 'catalog.uri', not '" + uri + "'");
                }
                yield IcebergCatalogSettings.jdbc(warehouse, uri, namespace, aws);
            }
            case REST -> {
                if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
                    throw new ConfigException("'catalog.kind: rest' needs the REST catalog's http(s) URL in 'catalog.uri'"
                            + (uri.isEmpty() ? "" : ", not '" + uri + "'"));
                }
                String credential = c.get(ConfigKeys.CATALOG_CREDENTIAL);
                yield IcebergCatalogSettings.rest(uri, warehouse, credential.isEmpty() ? null : credential, namespace, aws);
            }
            case GLUE -> {
                if (!S3Location.isS3(warehouse)) {
                    throw new ConfigException("'catalog.kind: glue' needs 'warehouse.path' on S3 (s3://bucket/prefix), not '" + warehouse + "'");
                }
                if (uri.startsWith("jdbc:")) {
                    throw new ConfigException("'catalog.kind: glue' takes an http(s) endpoint or nothing in 'catalog.uri', not a JDBC URL");
                }
                yield IcebergCatalogSettings.glue(warehouse, uri.isEmpty() ? null : uri, namespace, aws);
            }
        };
    }
}
