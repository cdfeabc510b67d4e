package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded mode's Prometheus endpoint during an end-to-end run (SQS input, a video, audio, gaze
 * offloaded to a local worker, a corrupt file) exports Sightline's metrics with their stable names,
 * and every metric a panel of the Grafana dashboard queries is among them.
 */
class MetricsEndpointEndToEndTest {

    static final Path DASHBOARD = Path.of("../flink-deployments/grafana/sightline-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\bflink_[A-Za-z0-9_]+");

    @TempDir
    Path data;

    @Test
    void everyPanelQueriesAMetricTheJobExports() throws Exception {
        Set<String> exported = new ConcurrentSkipListSet<>();
        Map<String, Double> last = new java.util.concurrent.ConcurrentHashMap<>();
        Set<String> inFlight = new ConcurrentSkipListSet<>();
        java.util.concurrent.atomic.AtomicInteger progressRead = new java.util.concurrent.atomic.AtomicInteger();
        try (LoopbackAws aws = new LoopbackAws("raw")) {
            aws.s3Client.createBucket(b -> b.bucket("lake"));
            Path local = data.resolve("local");
            List<String> keys = List.of(
                    put(aws, "videos/a.mp4", TestInputs.video(local, "a.mp4")),
                    put(aws, "talk/tones.wav", TestInputs.audio(local, "tones.wav")),
                    put(aws, "gaze/viewer.csv", TestInputs.gaze(local, "viewer.csv", 7)),
                    put(aws, "videos/corrupt.mp4", TestInputs.corrupt(local, "corrupt.mp4")));
            Map<String, String> settings = aws.settings(data.resolve("run"));
            settings.put(ConfigKeys.PROCESSED_PATH.name(), "s3://lake/processed");
            settings.put(ConfigKeys.OFFLOAD_PATH.name(), "s3://lake/offload");
            settings.put(ConfigKeys.OFFLOAD_BACKEND.name(), "local-process");
            settings.put(ConfigKeys.OFFLOAD_ROUTES.name(), "gaze -> offload; video, audio -> in-task");
            settings.put(ConfigKeys.VIDEO_DETECTION_FPS.name(), "2");
            settings.put(ConfigKeys.WEB_UI_PORT.name(), "0");
            settings.put(ConfigKeys.METRICS_PROMETHEUS_PORT.name(), "0");
            SightlineConfig config = SightlineConfig.of(settings);
            keys.forEach(key -> aws.send(aws.created(key)));

            try (LocalCluster cluster = LocalCluster.start(config, Duration.ofSeconds(4))) {
                URI endpoint = cluster.metrics().orElseThrow(() -> new AssertionError("no Prometheus endpoint (is FLINK_PLUGINS_DIR set?)"));
                HttpClient http = HttpClient.newHttpClient();
                var result = cluster.job().getJobExecutionResult();
                dev.sightline.cli.RunProgress progress = new dev.sightline.cli.RunProgress(cluster.webUi(), null);
                while (!result.isDone()) {
                    scrape(http, endpoint, exported, last);
                    try {
                        progress.inFlight().forEach(p -> inFlight.add(p.stage()));
                        progressRead.incrementAndGet();
                    } catch (Exception e) {
                        // the job is finishing: its REST answers may be gone
                    }
                    Thread.sleep(250);
                }
                result.get(1, TimeUnit.MINUTES);
            }
        }
        Files.write(Path.of("target", "prometheus-metric-names.txt"), exported); // what the job exported, for the dashboard's authors

        assertThat(exported).as("Sightline's own metrics, with stable names").contains(
                "flink_taskmanager_job_task_operator_objectsIn",
                "flink_taskmanager_job_task_operator_media_type_objectsDone",
                "flink_taskmanager_job_task_operator_media_type_error_class_objectProblems",
                "flink_taskmanager_job_task_operator_sqsBacklogVisible",
                "flink_taskmanager_job_task_operator_sqsLagMillis",
                "flink_taskmanager_job_task_operator_offloadSucceeded");
        assertThat(last).as("objects counted during the run")
                .hasEntrySatisfying("flink_taskmanager_job_task_operator_objectsIn", v -> assertThat(v).isGreaterThanOrEqualTo(2));

        assertThat(progressRead.get()).as("sightline run's progress read the in-flight gauges through the REST API").isPositive();
        assertThat(exported).as("the text gauge stays out of Prometheus").noneMatch(name -> name.contains("objectsInFlight"));
        Files.write(Path.of("target", "in-flight-stages-seen.txt"), inFlight);

        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            Set<String> queried = new TreeSet<>();
            for (JsonNode target : panel.path("targets")) {
                Matcher m = METRIC.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group());
                }
            }
            assertThat(queried).as("metrics of panel '%s'", panel.path("title").asText()).isNotEmpty();
            assertThat(exported).as("what panel '%s' queries", panel.path("title").asText()).containsAll(queried);
            panels.add(panel.path("title").asText());
        }
        assertThat(panels).as("panels").hasSizeGreaterThanOrEqualTo(8);
    }

    private static String put(LoopbackAws aws, String key, Path file) throws Exception {
        aws.put(key, file);
        return key;
    }

    /** Adds the names of the samples on the endpoint to {@code names}, and the highest sum per name seen so far to {@code values}. */
    private static void scrape(HttpClient http, URI endpoint, Set<String> names, Map<String, Double> values) {
        try {
            String body = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> sums = new java.util.HashMap<>();
            for (String line : body.split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
                String name = line.substring(0, end);
                names.add(name);
                try {
                    sums.merge(name, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                } catch (NumberFormatException e) {
                    // NaN and the like
                }
            }
            sums.forEach((name, sum) -> values.merge(name, sum, Math::max)); // tasks that finish take their metrics along
        } catch (java.io.IOException e) {
            // the endpoint starts with the cluster and stops with it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
