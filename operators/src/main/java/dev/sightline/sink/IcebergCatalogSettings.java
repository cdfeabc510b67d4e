package dev.sightline.sink;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * How to reach the Iceberg catalog that holds Sightline's tables: catalog implementation, its
 * properties and the namespace of the tables. Serializable, so sinks load the catalog in tasks.
 */
public record IcebergCatalogSettings(
        String catalogName, String catalogImpl, Map<String, String> properties, String namespace)
        implements Serializable {

    /** Iceberg's JDBC catalog class. */
    public static final String JDBC_CATALOG = "org.apache.iceberg.jdbc.JdbcCatalog";

    public IcebergCatalogSettings {
        properties = Map.copyOf(new TreeMap<>(properties));
    }

    /**
     * The embedded default: a JDBC catalog in a SQLite file and data files in a local folder; no
     * server needed (docs/decisions/0002-local-catalog.md).
     */
    public static IcebergCatalogSettings localSqlite(Path warehouse, String jdbcUrl, String namespace) {
        return new IcebergCatalogSettings("sightline", JDBC_CATALOG, Map.of(
                CatalogProperties.URI, jdbcUrl,
                CatalogProperties.WAREHOUSE_LOCATION, warehouse.toAbsolutePath().normalize().toUri().toString(),
                "jdbc.schema-version", "V1"), namespace);
    }

    /** A loader for Flink's Iceberg sinks and sources. */
    public CatalogLoader loader() {
        return CatalogLoader.custom(catalogName, properties, new org.apache.hadoop.conf.Configuration(), catalogImpl);
    }

    /** Loads the catalog here, in this JVM. */
    public Catalog load() {
        return loader().loadCatalog();
    }

    public Namespace icebergNamespace() {
        return Namespace.of(namespace);
    }

    public TableIdentifier identifier(String table) {
        return TableIdentifier.of(icebergNamespace(), table);
    }
}
