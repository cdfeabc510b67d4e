package dev.sightline.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parts of Flink's REST API a drill needs: upload and run a jar (as {@code flink run} and the
 * web UI do), a job's state and its completed checkpoints, the registered TaskManagers, cancel.
 * Readings answer "unknown" (null, -1, 0) while no JobManager answers, as during a failover.
 */
public final class FlinkRest {

    /** A job's state and whether every one of its tasks runs. */
    public record JobState(String status, boolean allTasksRunning) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a request waits out a JobManager that is electing a leader. */
    static final Duration ELECTION_PATIENCE = Duration.ofMinutes(2);
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public FlinkRest(String base) {
        this.base = base;
    }

    /** TaskManagers registered with the leading JobManager; 0 when none answers. */
    public int taskManagers() {
        JsonNode answer = get("/taskmanagers");
        return answer == null ? 0 : answer.path("taskmanagers").size();
    }

    /** Uploads a job jar; returns its id for {@link #runJar}. */
    public String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "----sightline" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = sendWhileElecting(HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        JsonNode answer = checked(response, "upload " + jar.getFileName());
        String file = answer.path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** Runs an uploaded jar's main class with {@code args} (the job is submitted from the JobManager); returns the job id. */
    public String runJar(String jarId, String entryClass, List<String> args, int parallelism) throws IOException, InterruptedException {
        String request = JSON.writeValueAsString(Map.of("entryClass", entryClass, "programArgsList", args, "parallelism", parallelism));
        HttpResponse<String> response = sendWhileElecting(HttpRequest.newBuilder(URI.create(base + "/jars/" + jarId + "/run"))
                .timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)).build());
        return checked(response, "run " + jarId).path("jobid").asText();
    }

    /** The job's state; null while no JobManager answers or the job is not known (yet) to it. */
    public JobState job(String jobId) {
        JsonNode answer = get("/jobs/" + jobId);
        if (answer == null || !answer.has("state")) {
            return null;
        }
        boolean running = answer.path("vertices").size() > 0;
        for (JsonNode vertex : answer.path("vertices")) {
            running &= "RUNNING".equals(vertex.path("status").asText());
        }
        return new JobState(answer.path("state").asText(), running);
    }

    /** Completed checkpoints of the job; -1 while no JobManager answers. */
    public long completedCheckpoints(String jobId) {
        JsonNode answer = get("/jobs/" + jobId + "/checkpoints");
        return answer == null ? -1 : answer.path("counts").path("completed").asLong(-1);
    }

    /** The latest completed checkpoint's duration (ms) and state size (bytes); null when none. */
    public long[] latestCheckpoint(String jobId) {
        JsonNode answer = get("/jobs/" + jobId + "/checkpoints");
        JsonNode latest = answer == null ? null : answer.path("latest").path("completed");
        if (latest == null || latest.isMissingNode() || latest.isNull()) {
            return null;
        }
        return new long[] {latest.path("end_to_end_duration").asLong(), latest.path("state_size").asLong(latest.path("checkpointed_size").asLong())};
    }

    /** Cancels the job. */
    public void cancel(String jobId) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "?mode=cancel")).timeout(Duration.ofSeconds(30))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null; // no JobManager answers: it is down or not yet the leader
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Sends {@code request}, again while the answer is 503 (a JobManager between leaders: a lost
     * ZooKeeper session, as a long pause can cause, makes it elect again; the request was not
     * handled) for up to {@link #ELECTION_PATIENCE}.
     */
    private HttpResponse<String> sendWhileElecting(HttpRequest request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + ELECTION_PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(500);
        }
    }

    private static JsonNode checked(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(what + " failed: HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
