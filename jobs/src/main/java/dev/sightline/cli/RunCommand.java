package dev.sightline.cli;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.DeploymentTarget;
import dev.sightline.config.SightlineConfig;
import dev.sightline.job.FlinkSettings;
import dev.sightline.job.LocalCluster;
import dev.sightline.job.SightlineJob;
import dev.sightline.job.AnalysisJob;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sightline run}: the streaming job, embedded by default, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streaming job: watch the inbox, analyse each new object, write Iceberg tables.")
final class RunCommand implements Callable<Integer> {

    /** How often the objects in flight are printed on a terminal. */
    static final java.time.Duration PROGRESS_INTERVAL = java.time.Duration.ofSeconds(5);

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return run(options.load(), spec.commandLine().getOut());
    }

    /** Runs the job as configured, embedded or on the cluster that launched this jar, until stopped. */
    static int run(SightlineConfig config, PrintWriter out) throws Exception {
        if (config.get(ConfigKeys.DEPLOYMENT_TARGET) == DeploymentTarget.CLUSTER) {
            return runOnCluster(config);
        }
        LocalCluster local = LocalCluster.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                local.close();
            } catch (Exception e) {
                // shutting down anyway
            }
        }, "sightline-shutdown"));
        out.println("Sightline is running.");
        out.println("  Flink web UI: " + local.webUi());
        out.println("  Metrics:      " + local.metrics().map(uri -> uri + " (Prometheus)").orElse("off (see the log)"));
        out.println("  Input:        " + (config.get(ConfigKeys.INPUT_KIND) == dev.sightline.config.InputKind.SQS
                ? config.get(ConfigKeys.INPUT_QUEUE_URL) : config.get(ConfigKeys.INBOX_PATH).toAbsolutePath().normalize())
                + (config.get(ConfigKeys.INPUT_BACKFILL).isEmpty() ? "" : " + backfill of " + config.get(ConfigKeys.INPUT_BACKFILL)));
        out.println("  Warehouse:    " + config.get(ConfigKeys.WAREHOUSE_PATH));
        out.println("  Checkpoints:  " + config.get(ConfigKeys.CHECKPOINT_PATH)
                + local.resumedFrom().map(p -> " (resumed from " + p.getFileName() + ")").orElse(""));
        LogFile.path().ifPresent(log -> out.println("  Log file:     " + log));
        out.println("Press Ctrl-C to stop; the next run resumes from the latest checkpoint.");
        out.flush();
        // On a terminal, the objects in flight every few seconds; a line per finished object either way (the job's log).
        try (RunProgress progress = ProgressConsole.onTerminal() ? new RunProgress(local.webUi(), out).start(PROGRESS_INTERVAL) : null) {
            local.awaitTermination();
        }
        return 0;
    }

    private static int runOnCluster(SightlineConfig config) throws Exception {
        AnalysisJob graph = SightlineJob.graph(config);
        SightlineJob.prepare(config, graph);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(FlinkSettings.of(config, null));
        SightlineJob.assemble(env, config, graph);
        env.execute(config.get(ConfigKeys.JOB_NAME_KEY));
        return 0;
    }
}
