package dev.sightline.cli;

import dev.sightline.config.SightlineConfig;
import dev.sightline.job.SightlineJob;
import dev.sightline.sink.IcebergCatalogSettings;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sightline sql "SELECT ..."}: a Flink SQL batch query over the warehouse, printed as a table. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a Flink SQL batch query over the Iceberg warehouse and print the result as a table.")
final class SqlCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUERY", description = "The SQL statement, e.g. \"select media_type, count(*) from media_objects group by media_type\".")
    String query;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        SightlineConfig config = options.load();
        IcebergCatalogSettings catalog = SightlineJob.catalog(config);
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tables.executeSql(createCatalogStatement(catalog));
        tables.useCatalog(catalog.catalogName());
        tables.useDatabase(catalog.namespace());
        tables.executeSql(query).print();
        return 0;
    }

    static String createCatalogStatement(IcebergCatalogSettings catalog) {
        Map<String, String> properties = new java.util.TreeMap<>(catalog.properties());
        properties.put("type", "iceberg");
        properties.put("catalog-impl", catalog.catalogImpl());
        String with = properties.entrySet().stream()
                .map(e -> quote(e.getKey()) + " = " + quote(e.getValue()))
                .collect(Collectors.joining(", "));
        return "CREATE CATALOG `" + catalog.catalogName().replace("`", "``") + "` WITH (" + with + ")";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
