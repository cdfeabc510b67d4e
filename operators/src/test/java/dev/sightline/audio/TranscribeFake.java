package dev.sightline.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Amazon Transcribe as far as {@link AmazonTranscribeTranscriber} uses it, on loopback: the JSON
 * 1.1 protocol ({@code POST /}, {@code X-Amz-Target: Transcribe.<Operation>}), the documented
 * response shapes of StartTranscriptionJob and GetTranscriptionJob, the error shape
 * {@code {"__type": ..., "Message": ...}} with HTTP 400, and {@code GET /transcripts/<job>.json}
 * standing in for the presigned URL of Transcribe's own bucket. It records every request.
 */
final class TranscribeFake implements AutoCloseable {

    /** One request to the service: the operation and its JSON body. */
    record Request(String operation, JsonNode body) {}

    /** What the next started job does: stays pending for some polls, then completes with a transcript or fails. */
    private record Plan(int pendingPolls, String transcript, String failureReason) {}

    private static final class Job {
        final ObjectNode request;
        final Plan plan;
        int polls;

        Job(ObjectNode request, Plan plan) {
            this.request = request;
            this.plan = plan;
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private volatile Plan next;
    private volatile UnaryOperator<String> transcriptUri;

    TranscribeFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::service);
        server.createContext("/transcripts/", this::transcript);
        server.start();
        transcriptUri = job -> endpoint() + "/transcripts/" + job + ".json";
    }

    /** The endpoint URL, {@code http://127.0.0.1:port}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next started job is QUEUED/IN_PROGRESS for {@code pendingPolls} status requests, then COMPLETED. */
    void nextJobCompletes(int pendingPolls, String transcriptJson) {
        next = new Plan(pendingPolls, transcriptJson, null);
    }

    /** The next started job is pending for {@code pendingPolls} status requests, then FAILED with {@code reason}. */
    void nextJobFails(int pendingPolls, String reason) {
        next = new Plan(pendingPolls, null, reason);
    }

    /** A job that an earlier attempt started: starting it again is a conflict. */
    void existingJob(String name, String mediaUri, int pendingPolls, String transcriptJson) {
        ObjectNode request = mapper.createObjectNode();
        request.put("TranscriptionJobName", name);
        request.putObject("Media").put("MediaFileUri", mediaUri);
        request.put("LanguageCode", "en-US");
        jobs.put(name, new Job(request, new Plan(pendingPolls, transcriptJson, null)));
    }

    /** Where completed jobs say their transcript is (default: this server's /transcripts/job.json). */
    void transcriptUri(UnaryOperator<String> jobToUri) {
        transcriptUri = jobToUri;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String operation) {
        return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    /** How many times a transcript was downloaded from /transcripts/. */
    int downloads() {
        return downloads.get();
    }

    private void service(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith("Transcribe.")) {
                error(exchange, 400, "UnknownOperationException", "expected POST / with X-Amz-Target: Transcribe.<Operation>");
                return;
            }
            if (contentType == null || !contentType.startsWith("application/x-amz-json-1.1")) {
                error(exchange, 400, "SerializationException", "expected Content-Type application/x-amz-json-1.1, got " + contentType);
                return;
            }
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                error(exchange, 400, "MissingAuthenticationTokenException", "the request is not signed");
                return;
            }
            String operation = target.substring("Transcribe.".length());
            JsonNode body = mapper.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(new Request(operation, body));
            switch (operation) {
                case "StartTranscriptionJob" -> start(exchange, (ObjectNode) body);
                case "GetTranscriptionJob" -> get(exchange, body.path("TranscriptionJobName").asText());
                default -> error(exchange, 400, "UnknownOperationException", "the fake does not know " + operation);
            }
        }
    }

    private void start(HttpExchange exchange, ObjectNode body) throws IOException {
        String name = body.path("TranscriptionJobName").asText();
        if (jobs.containsKey(name)) {
            error(exchange, 400, "ConflictException", "The requested job name already exists. Use a different job name.");
            return;
        }
        Plan plan = next;
        if (plan == null) {
            error(exchange, 400, "BadRequestException", "the test planned no job");
            return;
        }
        Job job = new Job(body, plan);
        jobs.put(name, job);
        ObjectNode response = mapper.createObjectNode();
        describe(response.putObject("TranscriptionJob"), name, job, "IN_PROGRESS");
        respond(exchange, 200, response);
    }

    private void get(HttpExchange exchange, String name) throws IOException {
        Job job = jobs.get(name);
        if (job == null) {
            error(exchange, 400, "BadRequestException", "The requested job couldn't be found. Check the job name and try your request again.");
            return;
        }
        int poll = job.polls++;
        String status = poll < job.plan.pendingPolls ? (poll == 0 ? "QUEUED" : "IN_PROGRESS")
                : job.plan.failureReason != null ? "FAILED" : "COMPLETED";
        ObjectNode response = mapper.createObjectNode();
        ObjectNode description = response.putObject("TranscriptionJob");
        describe(description, name, job, status);
        if (status.equals("COMPLETED")) {
            description.putObject("Transcript").put("TranscriptFileUri", transcriptUri.apply(name));
            description.put("CompletionTime", 1.7000001E9);
        } else if (status.equals("FAILED")) {
            description.put("FailureReason", job.plan.failureReason);
            description.put("CompletionTime", 1.7000001E9);
        }
        respond(exchange, 200, response);
    }

    private static void describe(ObjectNode description, String name, Job job, String status) {
        description.put("TranscriptionJobName", name);
        description.put("TranscriptionJobStatus", status);
        for (String field : List.of("LanguageCode", "MediaFormat", "Media", "Settings", "IdentifyLanguage")) {
            if (job.request.has(field)) {
                description.set(field, job.request.get(field).deepCopy());
            }
        }
        description.put("CreationTime", 1.7E9);
        if (!status.equals("QUEUED")) {
            description.put("StartTime", 1.7000000005E9);
        }
    }

    private void transcript(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String name = path.substring("/transcripts/".length()).replaceFirst("\\.json$", "");
            Job job = jobs.get(name);
            if (!"GET".equals(exchange.getRequestMethod()) || job == null || job.plan.transcript == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            downloads.incrementAndGet();
            byte[] bytes = job.plan.transcript.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("__type", type);
        body.put("Message", message);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        respond(exchange, status, body);
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-" + requests.size());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
