package dev.sightline.job;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.plugin.PluginConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded mode's Prometheus endpoint: Flink's Prometheus reporter, loaded as a plugin from
 * {@code FLINK_PLUGINS_DIR} as a Flink image loads it, on the port {@code metrics.prometheus.port}
 * names (the job's metrics and Sightline's own at {@code /metrics}).
 */
public final class PrometheusEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusEndpoint.class);

    /** The reporter's factory in flink-metrics-prometheus. */
    static final String FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";
    /** The plugin folder the build fills ({@code jobs/target/flink-plugins/metrics-prometheus}) and a Flink image ships. */
    static final String PLUGIN_FOLDER = "metrics-prometheus";
    /** Text gauges are for the REST API (sightline run's progress), not numbers for Prometheus. */
    static final String EXCLUDED = "*:" + dev.sightline.ingest.InFlightObjects.GAUGE;

    private PrometheusEndpoint() {}

    /**
     * Sets the reporter up in {@code flink} as {@code config} says and returns the URL to scrape;
     * empty (with the reason logged) when it is off, its plugin is missing or its port is taken:
     * the job runs without it.
     */
    public static Optional<URI> configure(SightlineConfig config, Configuration flink) {
        int port = config.get(ConfigKeys.METRICS_PROMETHEUS_PORT);
        if (port < 0) {
            return Optional.empty();
        }
        Optional<File> plugins = PluginConfig.getPluginsDir();
        if (plugins.isEmpty() || !new File(plugins.get(), PLUGIN_FOLDER).isDirectory()) {
            LOG.warn("No Prometheus endpoint: the reporter plugin is not in {} (set FLINK_PLUGINS_DIR to the folder holding {}/)",
                    plugins.map(File::getPath).orElse("FLINK_PLUGINS_DIR (unset)"), PLUGIN_FOLDER);
            return Optional.empty();
        }
        Optional<Integer> free = available(port);
        if (free.isEmpty()) {
            LOG.warn("No Prometheus endpoint: port {} is in use (set {} to another port, 0 for any free one, or off)", port,
                    ConfigKeys.METRICS_PROMETHEUS_PORT.name());
            return Optional.empty();
        }
        flink.setString("metrics.reporter.prom.factory.class", FACTORY);
        flink.setString("metrics.reporter.prom.port", Integer.toString(free.get()));
        flink.setString("metrics.reporter.prom.filter.excludes", EXCLUDED);
        return Optional.of(URI.create("http://localhost:" + free.get() + "/metrics"));
    }

    /** {@code port} if nothing listens on it, a free port for 0; empty when it is taken. */
    private static Optional<Integer> available(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return Optional.of(socket.getLocalPort());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
