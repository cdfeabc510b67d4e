package dev.sightline.offload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A STAND-IN for AWS Batch on loopback, for tests: AWS Batch cannot run here. It speaks Batch's
 * REST JSON API as AWS documents it (POST /v1/submitjob, /v1/describejobs, /v1/listjobs,
 * /v1/terminatejob; epoch-millisecond times; errors as {@code x-amzn-ErrorType} with HTTP 400,
 * 429, 500), so the real SDK client talks to it unchanged. A job goes SUBMITTED, RUNNABLE
 * (waiting for one of {@code slots}), STARTING, RUNNING, then SUCCEEDED or FAILED; it runs its
 * container command ({@code program} followed by the command override) as a local process with the
 * stand-in's environment (its "instance role") and the override's. Attempts follow the job's retry
 * strategy and {@code evaluateOnExit} (first match wins; no match retries), and its attempt
 * time-out. Tests can delay states, replace attempts' exit codes, reclaim running attempts as a
 * spot interruption would ("Host EC2 (instance ...) terminated.") and throttle requests.
 */
public final class BatchStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> program;
    private final Map<String, String> environment;
    private final Path logs;
    private final Semaphore slots;
    private final ExecutorService runners = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "batch-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> submits = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration queuedDelay = Duration.ofMillis(50);
    private volatile Duration startingDelay = Duration.ofMillis(50);
    private volatile int throttled;
    private volatile Predicate<JsonNode> throttledWhen = request -> false;
    private final List<ExitRule> exitRules = new ArrayList<>();
    private final List<ReclaimRule> reclaims = new ArrayList<>();

    private record ExitRule(String nameContains, int exitCode, int attempts, AtomicInteger used) {}

    private record ReclaimRule(String nameContains, Duration after, int times, AtomicInteger used) {}

    /** One job and its attempts. */
    private final class Job {
        final String id = UUID.randomUUID().toString();
        final ObjectNode request;
        final String name;
        final long createdAt = System.currentTimeMillis();
        volatile String status = "SUBMITTED";
        volatile String statusReason;
        volatile Long startedAt;
        volatile Long stoppedAt;
        final List<ObjectNode> attempts = new ArrayList<>();
        volatile Process process;
        volatile boolean terminated;
        volatile String reclaimed;

        Job(ObjectNode request) {
            this.request = request;
            this.name = request.path("jobName").asText();
        }
    }

    /**
     * @param program what a container runs before its command override (e.g. the worker's java and class path)
     * @param environment the environment every container gets (its "instance role": credentials)
     * @param slots jobs running at once (the compute environment's size)
     */
    public BatchStandIn(List<String> program, Map<String, String> environment, int slots, Path logs) throws IOException {
        this.program = List.copyOf(program);
        this.environment = Map.copyOf(environment);
        this.slots = new Semaphore(slots);
        this.logs = Files.createDirectories(logs);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/", this::handle);
        server.start();
    }

    /** The endpoint to give the SDK client ({@code offload.aws-batch.endpoint}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How long jobs stay RUNNABLE before they may take a slot, and STARTING before they run. */
    public BatchStandIn delays(Duration queued, Duration starting) {
        this.queuedDelay = queued;
        this.startingDelay = starting;
        return this;
    }

    /** The first {@code attempts} attempts of jobs whose name contains {@code nameContains} exit with {@code exitCode} instead of running. */
    public synchronized BatchStandIn failAttempts(String nameContains, int exitCode, int attempts) {
        exitRules.add(new ExitRule(nameContains, exitCode, attempts, new AtomicInteger()));
        return this;
    }

    /** The first {@code times} attempts of matching jobs are reclaimed (spot interruption) {@code after} they start running. */
    public synchronized BatchStandIn reclaim(String nameContains, Duration after, int times) {
        reclaims.add(new ReclaimRule(nameContains, after, times, new AtomicInteger()));
        return this;
    }

    /** The next {@code requests} requests matching {@code which} (by their JSON body) are refused with 429 TooManyRequestsException. */
    public BatchStandIn throttle(int requests, Predicate<JsonNode> which) {
        this.throttledWhen = which;
        this.throttled = requests;
        return this;
    }

    /** Ends throttling. */
    public BatchStandIn stopThrottling() {
        this.throttled = 0;
        return this;
    }

    /** SubmitJob calls per job name (a replay must not submit again). */
    public Map<String, Integer> submitsByName() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        submits.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    /** The jobs' final statuses by name (newest job of a name). */
    public Map<String, String> statusByName() {
        Map<String, String> statuses = new LinkedHashMap<>();
        jobs.values().stream().sorted(java.util.Comparator.comparingLong(j -> j.createdAt)).forEach(j -> statuses.put(j.name, j.status));
        return statuses;
    }

    /** The request bodies SubmitJob received, for checks of what the client sent. */
    public List<JsonNode> submitted() {
        return jobs.values().stream().sorted(java.util.Comparator.comparingLong(j -> j.createdAt)).map(j -> (JsonNode) j.request).toList();
    }

    /** Every request the stand-in answered or refused. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (body == null || body.isMissingNode()) {
                body = JSON.createObjectNode();
            }
            if (throttled > 0 && throttledWhen.test(body)) {
                synchronized (this) {
                    if (throttled > 0) {
                        throttled--;
                        error(exchange, 429, "TooManyRequestsException", "Too Many Requests");
                        return;
                    }
                }
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/v1/submitjob" -> reply(exchange, submit((ObjectNode) body));
                case "/v1/describejobs" -> reply(exchange, describe(body));
                case "/v1/listjobs" -> reply(exchange, list(body));
                case "/v1/terminatejob" -> reply(exchange, terminate(body));
                default -> error(exchange, 400, "ClientException", "unknown operation " + path);
            }
        } catch (ClientError e) {
            error(exchange, 400, "ClientException", e.getMessage());
        } catch (RuntimeException e) {
            error(exchange, 500, "ServerException", e.toString());
        }
    }

    private static final class ClientError extends RuntimeException {
        ClientError(String message) {
            super(message);
        }
    }

    private ObjectNode submit(ObjectNode request) {
        for (String field : List.of("jobName", "jobQueue", "jobDefinition")) {
            if (!request.path(field).isTextual() || request.path(field).asText().isEmpty()) {
                throw new ClientError(field + " is required");
            }
        }
        if (!request.path("jobName").asText().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,127}")) {
            throw new ClientError("jobName must be up to 128 letters, numbers, hyphens and underscores");
        }
        Job job = new Job(request);
        jobs.put(job.id, job);
        submits.computeIfAbsent(job.name, k -> new AtomicInteger()).incrementAndGet();
        runners.execute(() -> run(job));
        ObjectNode reply = JSON.createObjectNode();
        reply.put("jobArn", arn(job));
        reply.put("jobName", job.name);
        reply.put("jobId", job.id);
        return reply;
    }

    private void run(Job job) {
        try {
            int attemptsAllowed = Math.max(1, job.request.path("retryStrategy").path("attempts").asInt(1));
            sleep(queuedDelay);
            while (!job.terminated) {
                job.status = "RUNNABLE";
                slots.acquire();
                try {
                    if (job.terminated) {
                        break;
                    }
                    job.status = "STARTING";
                    sleep(startingDelay);
                    ObjectNode attempt = attempt(job);
                    if (job.terminated) {
                        finish(job, "FAILED", job.statusReason);
                        return;
                    }
                    boolean last = job.attempts.size() >= attemptsAllowed;
                    Integer exit = attempt.path("container").path("exitCode").isNumber() ? attempt.path("container").path("exitCode").asInt() : null;
                    if (exit != null && exit == 0) {
                        finish(job, "SUCCEEDED", "Essential container in task exited");
                        return;
                    }
                    if (last || !retry(job, attempt)) {
                        finish(job, "FAILED", attempt.path("statusReason").asText("Essential container in task exited"));
                        return;
                    }
                } finally {
                    slots.release();
                }
            }
            finish(job, "FAILED", job.statusReason);
        } catch (InterruptedException e) {
            finish(job, "FAILED", "stand-in closed");
        }
    }

    /** Runs one attempt; returns its AttemptDetail. */
    private ObjectNode attempt(Job job) throws InterruptedException {
        ObjectNode attempt = JSON.createObjectNode();
        ObjectNode container = attempt.putObject("container");
        container.put("logStreamName", job.name + "/" + (job.attempts.size() + 1));
        long started = System.currentTimeMillis();
        attempt.put("startedAt", started);
        job.startedAt = started;
        job.status = "RUNNING";
        ExitRule injected = matchingExit(job.name);
        ReclaimRule reclaim = matchingReclaim(job.name);
        Integer exitCode;
        String reason = null;
        if (injected != null) {
            exitCode = injected.exitCode();
            reason = "Essential container in task exited";
        } else {
            List<String> command = new ArrayList<>(program);
            job.request.path("containerOverrides").path("command").forEach(c -> command.add(c.asText()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logs.resolve(job.name + "." + (job.attempts.size() + 1) + ".log").toFile());
            builder.environment().putAll(environment);
            job.request.path("containerOverrides").path("environment")
                    .forEach(e -> builder.environment().put(e.path("name").asText(), e.path("value").asText()));
            try {
                job.process = builder.start();
            } catch (IOException e) {
                container.put("reason", "CannotStartContainerError: " + e.getMessage());
                attempt.put("stoppedAt", System.currentTimeMillis());
                attempt.put("statusReason", "CannotStartContainerError: " + e.getMessage());
                synchronized (job.attempts) {
                    job.attempts.add(attempt);
                }
                return attempt;
            }
            long timeout = job.request.path("timeout").path("attemptDurationSeconds").asLong(0);
            long limit = reclaim != null ? reclaim.after().toMillis() : timeout > 0 ? timeout * 1000 : Long.MAX_VALUE;
            boolean ended = job.process.waitFor(limit, TimeUnit.MILLISECONDS);
            if (!ended) {
                job.process.descendants().forEach(ProcessHandle::destroyForcibly);
                job.process.destroyForcibly().waitFor();
                if (reclaim != null) {
                    reason = "Host EC2 (instance i-0" + Long.toHexString(started & 0xffffff) + ") terminated.";
                    attempt.put("statusReason", reason);
                    exitCode = null;
                } else {
                    reason = "Job attempt duration exceeded timeout";
                    attempt.put("statusReason", reason);
                    exitCode = null;
                }
            } else {
                exitCode = job.process.exitValue();
                reason = "Essential container in task exited";
            }
            if (job.terminated) {
                reason = job.statusReason;
                attempt.put("statusReason", reason);
            }
        }
        if (exitCode != null) {
            container.put("exitCode", exitCode);
        }
        if (!attempt.has("statusReason")) {
            attempt.put("statusReason", reason);
        }
        attempt.put("stoppedAt", System.currentTimeMillis());
        synchronized (job.attempts) {
            job.attempts.add(attempt);
        }
        return attempt;
    }

    /** evaluateOnExit: the first condition all of whose patterns match decides; none matching retries. */
    private static boolean retry(Job job, ObjectNode attempt) {
        String statusReason = attempt.path("statusReason").asText("");
        String reason = attempt.path("container").path("reason").asText("");
        String exitCode = attempt.path("container").path("exitCode").isNumber() ? attempt.path("container").path("exitCode").asText() : "";
        for (JsonNode condition : job.request.path("retryStrategy").path("evaluateOnExit")) {
            if (glob(condition, "onStatusReason", statusReason) && glob(condition, "onReason", reason)
                    && glob(condition, "onExitCode", exitCode)) {
                return condition.path("action").asText().equalsIgnoreCase("RETRY");
            }
        }
        return true;
    }

    private static boolean glob(JsonNode condition, String field, String value) {
        if (!condition.has(field)) {
            return true;
        }
        String pattern = condition.path(field).asText();
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1)) : value.equals(pattern);
    }

    private synchronized ExitRule matchingExit(String name) {
        for (ExitRule rule : exitRules) {
            if (name.contains(rule.nameContains()) && rule.used().getAndIncrement() < rule.attempts()) {
                return rule;
            }
        }
        return null;
    }

    private synchronized ReclaimRule matchingReclaim(String name) {
        for (ReclaimRule rule : reclaims) {
            if (name.contains(rule.nameContains()) && rule.used().getAndIncrement() < rule.times()) {
                return rule;
            }
        }
        return null;
    }

    private static void finish(Job job, String status, String reason) {
        job.statusReason = reason;
        job.stoppedAt = System.currentTimeMillis();
        job.status = status;
    }

    private ObjectNode describe(JsonNode request) {
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode list = reply.putArray("jobs");
        for (JsonNode id : request.path("jobs")) {
            Job job = jobs.get(id.asText());
            if (job != null) {
                list.add(detail(job));
            }
        }
        return reply;
    }

    private ObjectNode detail(Job job) {
        ObjectNode d = JSON.createObjectNode();
        d.put("jobArn", arn(job));
        d.put("jobName", job.name);
        d.put("jobId", job.id);
        d.put("jobQueue", job.request.path("jobQueue").asText());
        d.put("jobDefinition", job.request.path("jobDefinition").asText());
        d.put("status", job.status);
        if (job.statusReason != null) {
            d.put("statusReason", job.statusReason);
        }
        d.put("createdAt", job.createdAt);
        if (job.startedAt != null) {
            d.put("startedAt", job.startedAt);
        }
        if (job.stoppedAt != null && (job.status.equals("SUCCEEDED") || job.status.equals("FAILED"))) {
            d.put("stoppedAt", job.stoppedAt);
        }
        ArrayNode attempts = d.putArray("attempts");
        synchronized (job.attempts) {
            job.attempts.forEach(attempts::add);
        }
        ObjectNode container = d.putObject("container");
        container.set("command", job.request.path("containerOverrides").path("command"));
        if (!job.attempts.isEmpty()) {
            container.setAll((ObjectNode) job.attempts.get(job.attempts.size() - 1).path("container"));
        }
        d.set("retryStrategy", job.request.path("retryStrategy"));
        d.set("timeout", job.request.path("timeout"));
        if (job.request.has("shareIdentifier")) {
            d.set("shareIdentifier", job.request.get("shareIdentifier"));
            d.set("schedulingPriority", job.request.get("schedulingPriorityOverride"));
        }
        d.set("tags", job.request.path("tags"));
        return d;
    }

    private ObjectNode list(JsonNode request) {
        String queue = request.path("jobQueue").asText();
        String name = null;
        for (JsonNode filter : request.path("filters")) {
            if (filter.path("name").asText().equals("JOB_NAME")) {
                name = filter.path("values").path(0).asText();
            }
        }
        String status = request.path("jobStatus").asText("RUNNING");
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode summaries = reply.putArray("jobSummaryList");
        for (Job job : jobs.values()) {
            boolean matches = job.request.path("jobQueue").asText().equals(queue)
                    && (name != null ? job.name.equals(name) : job.status.equals(status)); // with filters, every status (as Batch)
            if (matches) {
                ObjectNode s = summaries.addObject();
                s.put("jobArn", arn(job));
                s.put("jobId", job.id);
                s.put("jobName", job.name);
                s.put("createdAt", job.createdAt);
                s.put("status", job.status);
                if (job.statusReason != null) {
                    s.put("statusReason", job.statusReason);
                }
            }
        }
        return reply;
    }

    private ObjectNode terminate(JsonNode request) {
        Job job = jobs.get(request.path("jobId").asText());
        if (job == null) {
            throw new ClientError("Job " + request.path("jobId").asText() + " not found");
        }
        if (!job.status.equals("SUCCEEDED") && !job.status.equals("FAILED")) {
            job.statusReason = request.path("reason").asText("Terminated by user");
            job.terminated = true;
            Process process = job.process;
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        return JSON.createObjectNode();
    }

    private static String arn(Job job) {
        return "arn:aws:batch:us-east-1:123456789012:job/" + job.id;
    }

    private static void reply(HttpExchange exchange, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(JSON.createObjectNode().put("message", message));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(Math.max(0, duration.toMillis()));
    }

    @Override
    public void close() {
        server.stop(0);
        for (Job job : jobs.values()) {
            job.terminated = true;
            if (job.process != null) {
                job.process.descendants().forEach(ProcessHandle::destroyForcibly);
                job.process.destroyForcibly();
            }
        }
        runners.shutdownNow();
    }
}
