package dev.sightline.config;

import dev.sightline.ingest.MediaType;
import dev.sightline.offload.AwsBatchBackend;
import dev.sightline.offload.ComputeBackendFactory;
import dev.sightline.offload.InTaskBackend;
import dev.sightline.offload.InTaskRuns;
import dev.sightline.offload.LocalProcessBackend;
import dev.sightline.offload.OffloadPlan;
import dev.sightline.offload.OffloadSettings;
import dev.sightline.offload.Prices;
import dev.sightline.offload.QueueProfile;
import dev.sightline.offload.RouteRules;
import dev.sightline.offload.RouteTarget;
import dev.sightline.offload.Tenant;
import dev.sightline.offload.Tenants;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the offload settings and backends from the configuration's {@code offload.*} keys. */
public final class OffloadConfig {

    /** The command line's main class, which workers run. */
    public static final String MAIN_CLASS = "dev.sightline.cli.SightlineCommand";

    /** Keys a worker gets in its task documents: what its analysis reads, never credentials. */
    private static final List<String> WORKER_PREFIXES = List.of("gaze.", "video.", "audio.", "analysis.");
    private static final List<String> WORKER_CONNECTION = List.of("aws.region", "aws.endpoint", "aws.path-style");
    /** Keys that change how an analysis runs, not its results. */
    private static final List<String> NOT_RESULTS = List.of("audio.remote.concurrency", "audio.remote.timeout");

    private OffloadConfig() {}

    /** Whether analyses may be offloaded (a backend other than in-task). */
    public static boolean enabled(SightlineConfig c) {
        return c.get(ConfigKeys.OFFLOAD_BACKEND) != OffloadBackendKind.IN_TASK;
    }

    /** The offload operators' plan; {@code runners} run tasks in the task manager while the breaker is open. */
    public static OffloadPlan plan(SightlineConfig c, InTaskBackend.RunnerFactory runners) {
        OffloadSettings settings = settings(c);
        return new OffloadPlan(settings, backend(c), InTaskBackend.factory(runners, c.get(ConfigKeys.OFFLOAD_IN_TASK_THREADS)));
    }

    /** The compute_runs rows of in-task analyses. */
    public static InTaskRuns inTaskRuns(SightlineConfig c) {
        return new InTaskRuns(tenants(c), inTask(c), fingerprints(c));
    }

    public static OffloadSettings settings(SightlineConfig c) {
        Map<MediaType, Duration> timeouts = new EnumMap<>(MediaType.class);
        timeouts.put(MediaType.VIDEO, c.get(ConfigKeys.OFFLOAD_TIMEOUT_VIDEO));
        timeouts.put(MediaType.AUDIO, c.get(ConfigKeys.OFFLOAD_TIMEOUT_AUDIO));
        timeouts.put(MediaType.GAZE, c.get(ConfigKeys.OFFLOAD_TIMEOUT_GAZE));
        if (c.get(ConfigKeys.OFFLOAD_POLL_MAX).compareTo(c.get(ConfigKeys.OFFLOAD_POLL_FIRST)) < 0) {
            throw new ConfigException("bad value for 'offload.poll.max': " + c.get(ConfigKeys.OFFLOAD_POLL_MAX)
                    + " is shorter than offload.poll.first (" + c.get(ConfigKeys.OFFLOAD_POLL_FIRST) + ")");
        }
        try {
            if (c.get(ConfigKeys.OFFLOAD_PARALLELISM) > c.get(ConfigKeys.MAX_PARALLELISM)) {
                throw new ConfigException("'offload.parallelism' (" + c.get(ConfigKeys.OFFLOAD_PARALLELISM) + ") is above 'job.max-parallelism'");
            }
            return new OffloadSettings(c.get(ConfigKeys.OFFLOAD_PATH), c.get(ConfigKeys.OFFLOAD_PARALLELISM), c.get(ConfigKeys.OFFLOAD_IN_FLIGHT), timeouts,
                    c.get(ConfigKeys.OFFLOAD_POLL_FIRST), c.get(ConfigKeys.OFFLOAD_POLL_MAX), c.get(ConfigKeys.OFFLOAD_BREAKER_FAILURES),
                    c.get(ConfigKeys.OFFLOAD_BREAKER_COOL_DOWN),
                    c.get(ConfigKeys.OFFLOAD_BREAKER_WHEN_OPEN).equals("wait") ? OffloadSettings.WhenOpen.WAIT : OffloadSettings.WhenOpen.IN_TASK,
                    routes(c), tenants(c), queues(c), inTask(c), fingerprints(c), workerSettings(c), workerArgs(c));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad offload settings: " + e.getMessage());
        }
    }

    /** The routing rules of {@code offload.routes}, and where the rest go. */
    public static RouteRules routes(SightlineConfig c) {
        String fallback = c.get(ConfigKeys.OFFLOAD_DEFAULT_ROUTE);
        RouteTarget target = fallback.equals("in-task") ? RouteTarget.IN_TASK
                : RouteTarget.queue(fallback.equals("offload") ? QueueProfile.DEFAULT : fallback.substring("queue ".length()));
        try {
            return RouteRules.parse(Arrays.asList(c.get(ConfigKeys.OFFLOAD_ROUTES).split(";")), target);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad value for 'offload.routes': " + e.getMessage());
        }
    }

    /** The tenants of {@code offload.tenant.<name>.*}. */
    public static Tenants tenants(SightlineConfig c) {
        List<Tenant> tenants = new ArrayList<>();
        for (KeyFamily.Entry entry : c.entries(ConfigKeys.OFFLOAD_TENANT).values()) {
            ConfigKey<?> prefix = ConfigKeys.OFFLOAD_TENANT.field("prefix");
            if (!entry.has(prefix) || ((String) entry.get(prefix)).isEmpty()) {
                throw new ConfigException("'offload.tenant." + entry.name() + ".prefix' is needed: the input prefix of the tenant's objects");
            }
            String share = (String) entry.get(ConfigKeys.OFFLOAD_TENANT.field("share"));
            try {
                Tenant derived = Tenant.of(entry.name(), (String) entry.get(prefix), (Integer) entry.get(ConfigKeys.OFFLOAD_TENANT.field("priority")),
                        (Integer) entry.get(ConfigKeys.OFFLOAD_TENANT.field("max-in-flight")));
                tenants.add(share.isEmpty() ? derived
                        : new Tenant(derived.name(), derived.prefix(), derived.priority(), share, derived.maxInFlight()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("bad 'offload.tenant." + entry.name() + "' settings: " + e.getMessage());
            }
        }
        try {
            return new Tenants(tenants, Tenants.none().fallback());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad offload tenants: " + e.getMessage());
        }
    }

    /** The queues of {@code offload.queue.<name>.*}, with {@code default} always there. */
    public static Map<String, QueueProfile> queues(SightlineConfig c) {
        Map<String, KeyFamily.Entry> entries = new LinkedHashMap<>(c.entries(ConfigKeys.OFFLOAD_QUEUE));
        entries.putIfAbsent(QueueProfile.DEFAULT, new KeyFamily.Entry(ConfigKeys.OFFLOAD_QUEUE, QueueProfile.DEFAULT, Map.of()));
        Map<String, QueueProfile> queues = new TreeMap<>();
        KeyFamily q = ConfigKeys.OFFLOAD_QUEUE;
        for (KeyFamily.Entry e : entries.values()) {
            try {
                queues.put(e.name(), new QueueProfile(e.name(), (String) e.get(q.field("job-queue")), (String) e.get(q.field("job-definition")),
                        (Double) e.get(q.field("vcpus")), (Integer) e.get(q.field("memory-mib")), (Integer) e.get(q.field("gpus")), prices(c)));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException("bad 'offload.queue." + e.name() + "' settings: " + ex.getMessage());
            }
        }
        if (c.get(ConfigKeys.OFFLOAD_BACKEND) == OffloadBackendKind.AWS_BATCH) {
            for (String used : routes(c).queues()) {
                QueueProfile queue = queues.get(used);
                if (queue != null && (queue.jobQueue().isEmpty() || queue.jobDefinition().isEmpty())) {
                    throw new ConfigException("'offload.backend: aws-batch' needs 'offload.queue." + used + ".job-queue' and '.job-definition'"
                            + " (the Batch job queue and the worker's job definition)");
                }
            }
        }
        return queues;
    }

    /** What an analysis in the task manager holds and costs. */
    public static QueueProfile inTask(SightlineConfig c) {
        return new QueueProfile("in-task", "", "", c.get(ConfigKeys.OFFLOAD_IN_TASK_VCPUS), c.get(ConfigKeys.OFFLOAD_IN_TASK_MEMORY), 0,
                prices(c));
    }

    private static Prices prices(SightlineConfig c) {
        return new Prices(c.get(ConfigKeys.OFFLOAD_PRICE_VCPU), c.get(ConfigKeys.OFFLOAD_PRICE_GPU), c.get(ConfigKeys.OFFLOAD_PRICE_MEMORY));
    }

    /**
     * Per media type, a fingerprint of what its results depend on: this build, the explicit
     * settings of its analysis (a video's include audio's when its sound track is transcribed)
     * and where its keyframes go. The same object with the same fingerprint has the same results.
     */
    public static Map<MediaType, String> fingerprints(SightlineConfig c) {
        Map<MediaType, String> fingerprints = new EnumMap<>(MediaType.class);
        boolean sound = c.get(ConfigKeys.AUDIO_VIDEO_SOUND);
        fingerprints.put(MediaType.VIDEO, fingerprint(c, sound ? List.of("video.", "audio.") : List.of("video."), true));
        fingerprints.put(MediaType.AUDIO, fingerprint(c, List.of("audio."), false));
        fingerprints.put(MediaType.GAZE, fingerprint(c, List.of("gaze."), false));
        return fingerprints;
    }

    private static String fingerprint(SightlineConfig c, List<String> prefixes, boolean withProcessedPath) {
        StringBuilder text = new StringBuilder("sightline ").append(buildVersion()).append('\n');
        for (Map.Entry<String, String> e : c.explicitValues().entrySet()) {
            if (prefixes.stream().anyMatch(e.getKey()::startsWith) && !NOT_RESULTS.contains(e.getKey())) {
                text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
        }
        if (withProcessedPath) {
            text.append("processed.path=").append(c.get(ConfigKeys.PROCESSED_PATH)).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The build's version (the jar's), or {@code development} for classes outside a jar. */
    public static String buildVersion() {
        String version = OffloadConfig.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** The settings written into task documents: the analysis keys given, and the effective processed.path. */
    public static Map<String, String> workerSettings(SightlineConfig c) {
        Map<String, String> settings = new TreeMap<>();
        for (Map.Entry<String, String> e : c.explicitValues().entrySet()) {
            if (WORKER_PREFIXES.stream().anyMatch(e.getKey()::startsWith) || WORKER_CONNECTION.contains(e.getKey())) {
                settings.put(e.getKey(), e.getValue());
            }
        }
        settings.put(ConfigKeys.PROCESSED_PATH.name(), c.get(ConfigKeys.PROCESSED_PATH));
        return settings;
    }

    /** What every worker gets after {@code worker TASK-URI}: how to reach the store that holds its task. */
    public static List<String> workerArgs(SightlineConfig c) {
        List<String> args = new ArrayList<>();
        for (String key : WORKER_CONNECTION) {
            String value = c.explicitValues().get(key);
            if (value != null) {
                args.add("--set");
                args.add(key + "=" + value);
            }
        }
        return args;
    }

    /** The configured backend. */
    public static ComputeBackendFactory backend(SightlineConfig c) {
        return switch (c.get(ConfigKeys.OFFLOAD_BACKEND)) {
            case LOCAL_PROCESS -> LocalProcessBackend.factory(local(c));
            case AWS_BATCH -> AwsBatchBackend.factory(batch(c));
            case IN_TASK -> throw new ConfigException("offload.backend in-task offloads nothing");
        };
    }

    static LocalProcessBackend.Settings local(SightlineConfig c) {
        Map<String, String> environment = new TreeMap<>();
        if (!c.get(ConfigKeys.AWS_ACCESS_KEY).isEmpty()) { // the default credentials chain of the worker finds them
            environment.put("AWS_ACCESS_KEY_ID", c.get(ConfigKeys.AWS_ACCESS_KEY));
            environment.put("AWS_SECRET_ACCESS_KEY", c.get(ConfigKeys.AWS_SECRET_KEY));
        }
        return new LocalProcessBackend.Settings(c.get(ConfigKeys.OFFLOAD_LOCAL_WORKERS), c.get(ConfigKeys.OFFLOAD_ATTEMPTS),
                words(c.get(ConfigKeys.OFFLOAD_LOCAL_PREFIX)), words(c.get(ConfigKeys.OFFLOAD_LOCAL_COMMAND)), MAIN_CLASS, environment,
                c.get(ConfigKeys.OFFLOAD_LOCAL_LOGS).toAbsolutePath().toString(), c.get(ConfigKeys.OFFLOAD_LOCAL_REUSE));
    }

    static AwsBatchBackend.Settings batch(SightlineConfig c) {
        Map<String, Duration> attempts = new TreeMap<>();
        attempts.put(MediaType.VIDEO.label(), c.get(ConfigKeys.OFFLOAD_TIMEOUT_VIDEO));
        attempts.put(MediaType.AUDIO.label(), c.get(ConfigKeys.OFFLOAD_TIMEOUT_AUDIO));
        attempts.put(MediaType.GAZE.label(), c.get(ConfigKeys.OFFLOAD_TIMEOUT_GAZE));
        String endpoint = c.get(ConfigKeys.OFFLOAD_BATCH_ENDPOINT);
        String accessKey = c.get(ConfigKeys.AWS_ACCESS_KEY);
        return new AwsBatchBackend.Settings(c.get(ConfigKeys.AWS_REGION), endpoint.isEmpty() ? null : endpoint,
                accessKey.isEmpty() ? null : accessKey, accessKey.isEmpty() ? null : c.get(ConfigKeys.AWS_SECRET_KEY),
                c.get(ConfigKeys.OFFLOAD_BATCH_FAIR_SHARE), c.get(ConfigKeys.OFFLOAD_ATTEMPTS), attempts,
                words(c.get(ConfigKeys.OFFLOAD_BATCH_COMMAND)));
    }

    private static List<String> words(String line) {
        return line.isBlank() ? List.of() : List.of(line.strip().split("\\s+"));
    }
}
