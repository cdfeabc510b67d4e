package dev.sightline.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Every configuration key Sightline reads, with its default; docs/configuration.md lists them. */
public final class ConfigKeys {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]*");

    private ConfigKeys() {}

    public static final ConfigKey<Path> DATA_DIR = key("data-dir", "a path",
            "./sightline-data", "Base folder of the embedded mode; the defaults of the other paths sit under it.",
            Values.path(), c -> Path.of("sightline-data"));

    public static final ConfigKey<Path> INBOX_PATH = key("inbox.path", "a path",
            "<data-dir>/inbox", "Folder watched for new recordings (recursively). Names starting with '.' or '_' are ignored until renamed.",
            Values.path(), c -> c.get(DATA_DIR).resolve("inbox"));

    public static final ConfigKey<Duration> INBOX_SCAN_INTERVAL = key("inbox.scan-interval", "a duration from 100ms to 1h",
            "2s", "How often the inbox folder is listed for new files.",
            Values.duration(Duration.ofMillis(100), Duration.ofHours(1)), c -> Duration.ofSeconds(2));

    public static final ConfigKey<Path> CHECKPOINT_PATH = key("checkpoint.path", "a path",
            "<data-dir>/checkpoints", "Folder of the job's checkpoints; `sightline run` resumes from the latest one in it.",
            Values.path(), c -> c.get(DATA_DIR).resolve("checkpoints"));

    public static final ConfigKey<Duration> CHECKPOINT_INTERVAL = key("checkpoint.interval", "a duration from 100ms to 1h",
            "10s", "Interval of exactly-once checkpoints; results are committed to the tables at each one.",
            Values.duration(Duration.ofMillis(100), Duration.ofHours(1)), c -> Duration.ofSeconds(10));

    public static final ConfigKey<Integer> CHECKPOINT_RETAINED = key("checkpoint.retained", "1 to 100",
            "3", "How many completed checkpoints are kept.",
            Values.integer(1, 100), c -> 3);

    public static final ConfigKey<StateBackendChoice> STATE_BACKEND = key("state.backend",
            Values.choices(StateBackendChoice.class), "hashmap", "Where keyed state (the dedupe memory) lives.",
            Values.choice(StateBackendChoice.class), c -> StateBackendChoice.HASHMAP);

    public static final ConfigKey<Duration> DEDUPE_TTL = key("dedupe.ttl", "a duration from 1m to 3650d",
            "30d", "How long an object version is remembered, so a repeated notice of it is dropped.",
            Values.duration(Duration.ofMinutes(1), Duration.ofDays(3650)), c -> Duration.ofDays(30));

    public static final ConfigKey<Path> WAREHOUSE_PATH = key("warehouse.path", "a path",
            "<data-dir>/warehouse", "Folder of the Iceberg warehouse (data and metadata files).",
            Values.path(), c -> c.get(DATA_DIR).resolve("warehouse"));

    public static final ConfigKey<String> CATALOG_URI = key("catalog.uri", "a JDBC URL",
            "jdbc:sqlite:<warehouse.path>/catalog.db", "JDBC URL of the Iceberg catalog database (SQLite file by default; PostgreSQL works too).",
            Values.nonEmpty(Pattern.compile("jdbc:.+")), ConfigKeys::defaultCatalogUri);

    public static final ConfigKey<String> CATALOG_NAMESPACE = key("catalog.namespace", "a letter, then letters, digits or _",
            "sightline", "Iceberg namespace (database) of Sightline's tables.",
            Values.nonEmpty(IDENTIFIER), c -> "sightline");

    public static final ConfigKey<Integer> WEB_UI_PORT = key("web-ui.port", "0 to 65535 (0: any free port)",
            "8081", "Port of the local Flink web UI; the address is printed at start.",
            Values.integer(0, 65535), c -> 8081);

    public static final ConfigKey<Integer> PARALLELISM = key("job.parallelism", "1 to 1024",
            "2", "Parallelism of the job's operators (and task slots of the embedded cluster).",
            Values.integer(1, 1024), c -> 2);

    public static final ConfigKey<String> JOB_NAME_KEY = key("job.name", "letters, digits, space, _ . -",
            "sightline", "Name of the Flink job.",
            Values.nonEmpty(JOB_NAME), c -> "sightline");

    public static final ConfigKey<DeploymentTarget> DEPLOYMENT_TARGET = key("deployment.target",
            Values.choices(DeploymentTarget.class), "local",
            "local: embedded Flink MiniCluster with web UI; cluster: the Flink cluster that runs this jar.",
            Values.choice(DeploymentTarget.class), c -> DeploymentTarget.LOCAL);

    /** Every key, in documentation order. */
    public static final List<ConfigKey<?>> ALL = List.of(
            DATA_DIR, INBOX_PATH, INBOX_SCAN_INTERVAL, CHECKPOINT_PATH, CHECKPOINT_INTERVAL, CHECKPOINT_RETAINED,
            STATE_BACKEND, DEDUPE_TTL, WAREHOUSE_PATH, CATALOG_URI, CATALOG_NAMESPACE, WEB_UI_PORT, PARALLELISM,
            JOB_NAME_KEY, DEPLOYMENT_TARGET);

    private static String defaultCatalogUri(SightlineConfig c) {
        return "jdbc:sqlite:" + c.get(WAREHOUSE_PATH).resolve("catalog.db");
    }

    private static <T> ConfigKey<T> key(String name, String allowed, String defaultText, String description,
            ValueParser<T> parser, Function<SightlineConfig, T> defaultValue) {
        return new ConfigKey<>(name, allowed, defaultText, description, parser, defaultValue);
    }
}
