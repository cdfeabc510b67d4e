package dev.sightline.job;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.plugin.PluginUtils;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded mode: a Flink MiniCluster with its web UI in this process, running the analysis
 * job and resuming from the newest retained checkpoint.
 */
public final class LocalCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);

    private final MiniCluster cluster;
    private final JobClient job;
    private final URI webUi;
    private final Optional<URI> metrics;
    private final Optional<Path> resumedFrom;

    private LocalCluster(MiniCluster cluster, JobClient job, URI webUi, Optional<URI> metrics, Optional<Path> resumedFrom) {
        this.cluster = cluster;
        this.job = job;
        this.webUi = webUi;
        this.metrics = metrics;
        this.resumedFrom = resumedFrom;
    }

    /** Prepares tables, starts the cluster and submits the job. */
    public static LocalCluster start(SightlineConfig config) throws Exception {
        return start(config, null);
    }

    /**
     * Prepares tables, starts the cluster and submits the job; with SQS input and {@code
     * stopWhenIdle}, the job ends once the queue has been empty that long (tests, benchmarks).
     */
    public static LocalCluster start(SightlineConfig config, Duration stopWhenIdle) throws Exception {
        AnalysisJob graph = SightlineJob.graph(config);
        SightlineJob.prepare(config, graph);
        String checkpoints = config.get(ConfigKeys.CHECKPOINT_PATH);
        Optional<Path> resume = checkpoints.startsWith("file:")
                ? CheckpointLocator.latest(LocalPaths.toPath(checkpoints)) : Optional.empty();
        Configuration flink = FlinkSettings.of(config, resume.orElse(null));
        FlinkSettings.initializeFileSystems(flink);
        Optional<URI> metrics = PrometheusEndpoint.configure(config, flink);
        // The REST API's metrics (sightline run's progress reads them) fresh every 2 s, not every 10 s.
        flink.set(org.apache.flink.configuration.MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, java.time.Duration.ofSeconds(2));
        int slots = config.get(ConfigKeys.PARALLELISM);
        flink.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        if (config.get(ConfigKeys.MAINTENANCE_ENABLED)) {
            // A maintenance flow per table: some dozens of operators more, each with network buffers.
            flink.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(256));
            flink.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(256));
        }

        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(flink)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .setPluginManager(PluginUtils.createPluginManagerFromRootFolder(flink)) // reporters from FLINK_PLUGINS_DIR
                .build());
        try {
            cluster.start();
            URI rest = cluster.getRestAddress().get(1, TimeUnit.MINUTES);
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createRemoteEnvironment(rest.getHost(), rest.getPort(), flink);
            SightlineJob.assemble(env, config, graph, stopWhenIdle);
            JobClient job = env.executeAsync(config.get(ConfigKeys.JOB_NAME_KEY));
            resume.ifPresent(path -> LOG.info("Resumed from checkpoint {}", path));
            return new LocalCluster(cluster, job, rest, metrics, resume);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /** The address of the Flink web UI. */
    public URI webUi() {
        return webUi;
    }

    /** The Prometheus endpoint of the job's metrics, unless it is off ({@code metrics.prometheus.port}). */
    public Optional<URI> metrics() {
        return metrics;
    }

    /** The checkpoint this run resumed from, if any. */
    public Optional<Path> resumedFrom() {
        return resumedFrom;
    }

    public JobClient job() {
        return job;
    }

    /** Blocks until the job ends (it runs until cancelled). */
    public void awaitTermination() throws Exception {
        job.getJobExecutionResult().get();
    }

    /** Cancels the job (its latest checkpoint is retained) and stops the cluster. */
    @Override
    public void close() throws Exception {
        try {
            if (!job.getJobStatus().get(30, TimeUnit.SECONDS).isGloballyTerminalState()) {
                job.cancel().get(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warn("Could not cancel the job cleanly: {}", e.toString());
        } finally {
            cluster.close();
        }
    }
}
