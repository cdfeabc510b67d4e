package dev.sightline.cli;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.MaintenanceConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.job.FlinkSettings;
import dev.sightline.job.SightlineJob;
import dev.sightline.sink.IcebergWarehouse;
import dev.sightline.sink.TableHealth;
import dev.sightline.sink.WarehouseMaintenance;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sightline maintain}: Iceberg's table maintenance on the warehouse, once, beside a running job or without one. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = "Run Iceberg's table maintenance on the warehouse now: expire snapshots older than warehouse.maintenance.expire-after "
                + "(keeping warehouse.maintenance.retain-last), rewrite small data files, delete orphan files older than "
                + "warehouse.maintenance.orphan-min-age. Each table is locked (warehouse.maintenance.lock-uri), so it is safe beside a running job.")
final class MaintainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--table", paramLabel = "NAME", description = "Only this table; repeatable (default: every table).")
    List<String> only;

    @Option(names = "--seconds", defaultValue = "120", description = "How long the maintenance runs before it stops (default 120).")
    int seconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SightlineConfig config = options.load();
        WarehouseMaintenance.Settings settings = MaintenanceConfig.settings(config);
        List<String> tables = SightlineJob.tableNames(SightlineJob.graph(config));
        if (only != null && !only.isEmpty()) {
            List<String> unknown = only.stream().filter(t -> !tables.contains(t)).toList();
            if (!unknown.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such table: " + String.join(", ", unknown)
                        + " (tables: " + String.join(", ", tables) + ")");
            }
            tables.retainAll(only);
        }
        try (IcebergWarehouse warehouse = new IcebergWarehouse(SightlineJob.catalog(config))) {
            Map<String, TableHealth> before = new LinkedHashMap<>();
            for (String table : tables) {
                before.put(table, TableHealth.of(warehouse.table(table)));
            }
            FlinkSettings.initializeFileSystems(FlinkSettings.of(config, null));
            out.printf("Maintaining %d tables of %s for %d s ...%n", tables.size(), config.get(ConfigKeys.WAREHOUSE_PATH), seconds);
            out.flush();
            JobClient job = WarehouseMaintenance.startOnce(SightlineJob.catalog(config), tables, settings);
            Thread.sleep(seconds * 1000L);
            job.cancel().get();
            out.printf("| table | snapshots | data files | data MiB | files < 1 MiB |%n| --- | ---: | ---: | ---: | ---: |%n");
            for (String table : tables) {
                TableHealth now = TableHealth.of(warehouse.table(table));
                TableHealth then = before.get(table);
                out.printf("| %s | %d -> %d | %d -> %d | %.1f -> %.1f | %d -> %d |%n", table, then.snapshots(), now.snapshots(),
                        then.dataFiles(), now.dataFiles(), then.dataBytes() / 1048576.0, now.dataBytes() / 1048576.0,
                        then.smallFiles(), now.smallFiles());
            }
            out.flush();
        }
        return 0;
    }
}
