package dev.sightline.sink;

import dev.sightline.cloud.S3Location;
import dev.sightline.cloud.S3Settings;
import java.io.Serializable;
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
     * A JDBC catalog with its warehouse at {@code warehouseUri}: a local folder ({@code file:}; with
     * a SQLite catalog file this is the embedded default, no server needed, decision 0002) or S3
     * ({@code s3://}, data and metadata written with Iceberg's S3FileIO).
     *
     * @param s3 how to reach S3 when the warehouse is there (may be null otherwise)
     */
    public static IcebergCatalogSettings jdbc(String warehouseUri, String jdbcUrl, String namespace, S3Settings s3) {
        Map<String, String> properties = new TreeMap<>(Map.of(
                CatalogProperties.URI, jdbcUrl,
                CatalogProperties.WAREHOUSE_LOCATION, warehouseUri,
                "jdbc.schema-version", "V1"));
        if (S3Location.isS3(warehouseUri)) {
            if (s3 == null) {
                throw new IllegalArgumentException("a warehouse on S3 needs S3 settings: " + warehouseUri);
            }
            properties.put(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.aws.s3.S3FileIO");
            properties.put("client.region", s3.region());
            if (s3.endpoint() != null) {
                properties.put("s3.endpoint", s3.endpoint());
            }
            properties.put("s3.path-style-access", Boolean.toString(s3.pathStyle()));
            if (s3.accessKey() != null) {
                properties.put("s3.access-key-id", s3.accessKey());
                properties.put("s3.secret-access-key", s3.secretKey());
            }
        }
        return new IcebergCatalogSettings("sightline", JDBC_CATALOG, properties, namespace);
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
