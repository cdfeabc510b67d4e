package dev.sightline.sink;

import dev.sightline.cloud.KeyPairCredentials;
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
    /** Iceberg's REST catalog client class. */
    public static final String REST_CATALOG = "org.apache.iceberg.rest.RESTCatalog";
    /** Iceberg's AWS Glue catalog class. */
    public static final String GLUE_CATALOG = "org.apache.iceberg.aws.glue.GlueCatalog";

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
        addS3FileIo(properties, warehouseUri, s3);
        return new IcebergCatalogSettings("sightline", JDBC_CATALOG, properties, namespace);
    }

    /**
     * An Iceberg REST catalog (Polaris, Nessie, Lakekeeper, Tabular, Unity, S3 Tables...) at {@code uri}.
     *
     * @param warehouse the warehouse the server should use: a location or, for most servers, a name
     * @param credential OAuth2 client credentials {@code id:secret}, or null when the server needs none
     * @param s3 how to reach S3 when the warehouse's files are there and the server does not vend
     *     credentials (may be null otherwise)
     */
    public static IcebergCatalogSettings rest(String uri, String warehouse, String credential, String namespace, S3Settings s3) {
        Map<String, String> properties = new TreeMap<>(Map.of(CatalogProperties.URI, uri, CatalogProperties.WAREHOUSE_LOCATION, warehouse));
        if (credential != null) {
            properties.put("credential", credential);
        }
        addS3FileIo(properties, warehouse, s3);
        return new IcebergCatalogSettings("sightline", REST_CATALOG, properties, namespace);
    }

    /**
     * AWS Glue as the catalog, tables in the Glue database named {@code namespace}, files under
     * the S3 warehouse.
     *
     * @param endpoint a Glue endpoint override (a VPC endpoint, or a local test server), or null
     */
    public static IcebergCatalogSettings glue(String warehouseUri, String endpoint, String namespace, S3Settings s3) {
        if (!S3Location.isS3(warehouseUri)) {
            throw new IllegalArgumentException("a Glue catalog needs its warehouse on S3, not " + warehouseUri);
        }
        Map<String, String> properties = new TreeMap<>(Map.of(CatalogProperties.WAREHOUSE_LOCATION, warehouseUri));
        if (endpoint != null) {
            properties.put("glue.endpoint", endpoint);
        }
        addS3FileIo(properties, warehouseUri, s3);
        if (s3.accessKey() != null) {
            // Glue's client takes no static keys of its own: give it the same key pair.
            properties.put("client.credentials-provider", KeyPairCredentials.class.getName());
            properties.put("client.credentials-provider." + KeyPairCredentials.ACCESS_KEY_ID, s3.accessKey());
            properties.put("client.credentials-provider." + KeyPairCredentials.SECRET_ACCESS_KEY, s3.secretKey());
        }
        return new IcebergCatalogSettings("sightline", GLUE_CATALOG, properties, namespace);
    }

    private static void addS3FileIo(Map<String, String> properties, String warehouseUri, S3Settings s3) {
        if (!S3Location.isS3(warehouseUri)) {
            return;
        }
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
