package dev.sightline.config;

/** Which Iceberg catalog keeps the table pointers. */
public enum CatalogKind {
    /** Iceberg's JDBC catalog: a SQLite file by default (embedded mode), PostgreSQL for shared use. */
    JDBC,
    /** An Iceberg REST catalog server at {@code catalog.uri}. */
    REST,
    /** AWS Glue Data Catalog, one database per namespace. */
    GLUE
}
