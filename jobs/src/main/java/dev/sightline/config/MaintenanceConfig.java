package dev.sightline.config;

import dev.sightline.sink.WarehouseMaintenance;

/** The settings of Iceberg table maintenance ({@code warehouse.maintenance.*}), checked against the catalog. */
public final class MaintenanceConfig {

    private MaintenanceConfig() {}

    /** The maintenance settings; fails with a clear message when the lock has no database. */
    public static WarehouseMaintenance.Settings settings(SightlineConfig config) {
        String lock = config.get(ConfigKeys.MAINTENANCE_LOCK_URI);
        if (lock.isEmpty()) {
            throw new ConfigException("'" + ConfigKeys.MAINTENANCE_LOCK_URI.name() + "' is empty: table maintenance locks each table in a JDBC "
                    + "database, and a " + config.get(ConfigKeys.CATALOG_KIND).name().toLowerCase(java.util.Locale.ROOT)
                    + " catalog has none to lend (a jdbc catalog lends its own); set it to a JDBC URL such as jdbc:postgresql://host/db");
        }
        return new WarehouseMaintenance.Settings(config.get(ConfigKeys.MAINTENANCE_EXPIRE_AFTER), config.get(ConfigKeys.MAINTENANCE_RETAIN_LAST),
                config.get(ConfigKeys.MAINTENANCE_EXPIRE_EVERY), config.get(ConfigKeys.MAINTENANCE_REWRITE_EVERY),
                config.get(ConfigKeys.MAINTENANCE_REWRITE_MIN_FILES), config.get(ConfigKeys.MAINTENANCE_TARGET_FILE_MB) * 1024L * 1024L,
                config.get(ConfigKeys.MAINTENANCE_ORPHAN_MIN_AGE), config.get(ConfigKeys.MAINTENANCE_ORPHAN_EVERY),
                config.get(ConfigKeys.MAINTENANCE_RATE_LIMIT), lock);
    }
}
