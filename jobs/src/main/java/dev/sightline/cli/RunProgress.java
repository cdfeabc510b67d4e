package dev.sightline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.ingest.InFlightObjects;
import dev.sightline.ingest.ObjectNames;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints, at a steady interval, the objects the running job is working on and how far each is:
 * the {@value InFlightObjects#GAUGE} gauges of every subtask, read through Flink's REST API and
 * merged per object (one line per interval while anything is in flight).
 */
public final class RunProgress implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI rest;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sightline-progress");
        t.setDaemon(true);
        return t;
    });

    public RunProgress(URI rest, PrintWriter out) {
        this.rest = rest;
        this.out = out;
    }

    /** Starts printing every {@code interval}. */
    RunProgress start(Duration interval) {
        timer.scheduleWithFixedDelay(this::printOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void printOnce() {
        try {
            String line = line(inFlight());
            if (!line.isEmpty()) {
                out.println(line);
                out.flush();
            }
        } catch (Exception e) {
            // the cluster is starting or stopping: nothing to show this time
        }
    }

    /** Every subtask's in-flight entries. */
    public List<InFlightObjects.Progress> inFlight() throws Exception {
        List<InFlightObjects.Progress> all = new ArrayList<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            if (!"RUNNING".equals(job.path("state").asText())) {
                continue;
            }
            String jid = job.path("jid").asText();
            for (JsonNode vertex : get("/jobs/" + jid).path("vertices")) {
                String base = "/jobs/" + jid + "/vertices/" + vertex.path("id").asText() + "/metrics";
                List<String> ids = new ArrayList<>();
                for (JsonNode metric : get(base)) {
                    if (metric.path("id").asText().endsWith("." + InFlightObjects.GAUGE)) {
                        ids.add(metric.path("id").asText());
                    }
                }
                if (ids.isEmpty()) {
                    continue;
                }
                for (JsonNode value : get(base + "?get=" + URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8))) {
                    all.addAll(InFlightObjects.parse(value.path("value").asText("")));
                }
            }
        }
        return all;
    }

    /** One line: each object with its stages, the furthest entry per stage; empty when nothing is in flight. */
    static String line(List<InFlightObjects.Progress> entries) {
        Map<String, Map<String, InFlightObjects.Progress>> byObject = new LinkedHashMap<>();
        for (InFlightObjects.Progress p : entries) {
            byObject.computeIfAbsent(p.uri(), k -> new LinkedHashMap<>()).merge(p.stage(), p, (a, b) -> a.done() >= b.done() ? a : b);
        }
        if (byObject.isEmpty()) {
            return "";
        }
        List<String> objects = new ArrayList<>();
        byObject.forEach((uri, stages) -> {
            List<String> parts = new ArrayList<>();
            stages.values().forEach(p -> parts.add(p.total() > 0
                    ? String.format(Locale.ROOT, "%s %s of %s %s (%.0f%%)", p.stage(), ProgressConsole.amount(p.done(), p.unit()),
                            ProgressConsole.amount(p.total(), p.unit()),
                            p.unit(), 100 * p.done() / p.total())
                    : String.format(Locale.ROOT, "%s %s %s", p.stage(), ProgressConsole.amount(p.done(), p.unit()), p.unit())));
            objects.add(ObjectNames.fileName(uri) + ": " + String.join(", ", parts));
        });
        return "In flight (" + objects.size() + "): " + String.join(" · ", objects);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(rest.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
