package dev.sightline.config;

import dev.sightline.audio.TranscriberKind;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.video.AnalysisDevice;
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

    public static final ConfigKey<InputKind> INPUT_KIND = key("input.kind", Values.choices(InputKind.class),
            "folder", "folder: watch inbox.path; sqs: read S3 event notifications from input.queue-url.",
            Values.choice(InputKind.class), c -> InputKind.FOLDER);

    public static final ConfigKey<String> INPUT_BACKFILL = key("input.backfill", "a path or s3:// URI prefix, or empty",
            "", "Also announce every object already under this prefix once (deduplicated with the other input by object version).",
            Values.prefix(), c -> "");

    public static final ConfigKey<String> INPUT_BACKFILL_WEBHOOK = key("input.backfill-webhook", "an http:// or https:// URL, or empty",
            "", "When the backfill has been analysed completely (listing ended, every listed object finished and committed), POST its summary (counts by media type and status) as JSON here; empty: only the log line.",
            Values.httpUrlOrEmpty(), c -> "");

    public static final ConfigKey<String> INPUT_PREFIX = key("input.prefix", "a path or s3:// URI prefix, or empty",
            "", "Only objects under this prefix are analysed; others announced by the queue are skipped (counted in outOfScopeObjects). Empty: all.",
            Values.prefix(), c -> "");

    public static final ConfigKey<String> JOB_DESCRIPTION = key("job-description", "a path or s3:// URI of a JSON or YAML file, or empty",
            "", "A job description file (input bucket and prefix, output bucket and prefix) that sets input.prefix, warehouse.path and processed.path where they are not set.",
            text -> text.isEmpty() ? "" : Values.location().parse(text), c -> "");

    public static final ConfigKey<String> INPUT_QUEUE_URL = key("input.queue-url", "an http(s) URL, or empty",
            "", "URL of the SQS queue that receives the input bucket's event notifications (input.kind: sqs).",
            Values.nonEmpty(Pattern.compile("|https?://.+")), c -> "");

    public static final ConfigKey<Duration> INPUT_SQS_WAIT = key("input.sqs.wait-time", "a duration from 0s to 20s",
            "20s", "Long-polling wait of each SQS receive.",
            Values.duration(Duration.ZERO, Duration.ofSeconds(20)), c -> Duration.ofSeconds(20));

    public static final ConfigKey<Duration> INPUT_SQS_VISIBILITY = key("input.sqs.visibility-timeout", "a duration from 2s to 11h",
            "5m", "How long a received message stays hidden; extended while its objects are in flight.",
            Values.duration(Duration.ofSeconds(2), Duration.ofHours(11)), c -> Duration.ofMinutes(5));

    public static final ConfigKey<Integer> INPUT_SQS_MAX_RECEIVES = key("input.sqs.max-receives", "1 to 1000",
            "5", "A message received more often than this is written to dead_letters and deleted.",
            Values.integer(1, 1000), c -> 5);

    public static final ConfigKey<String> AWS_REGION = key("aws.region", "an AWS region name",
            "us-east-1", "Region of the S3 buckets and the SQS queue.",
            Values.nonEmpty(Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+")), c -> "us-east-1");

    public static final ConfigKey<String> AWS_ENDPOINT = key("aws.endpoint", "an http(s) URL, or empty",
            "", "Endpoint of an S3-compatible store and SQS-compatible queue (MinIO, LocalStack); empty for AWS.",
            Values.nonEmpty(Pattern.compile("|https?://.+")), c -> "");

    public static final ConfigKey<String> AWS_SQS_ENDPOINT = key("aws.sqs-endpoint", "an http(s) URL, or empty",
            "", "Endpoint of the SQS-compatible queue when it differs from aws.endpoint (e.g. ElasticMQ beside MinIO).",
            Values.nonEmpty(Pattern.compile("|https?://.+")), c -> "");

    public static final ConfigKey<Boolean> AWS_PATH_STYLE = key("aws.path-style", "true | false",
            "false", "Address buckets as endpoint/bucket (most S3-compatible stores) instead of bucket.endpoint.",
            Values.flag(), c -> false);

    public static final ConfigKey<String> AWS_ACCESS_KEY = key("aws.access-key", "an access key id, or empty",
            "", "Static access key, for S3-compatible stores only; empty uses AWS's default credentials chain (IRSA on EKS).",
            Values.nonEmpty(Pattern.compile("\\S*")), c -> "");

    public static final ConfigKey<String> AWS_SECRET_KEY = key("aws.secret-key", "a secret key, or empty",
            "", "Secret of aws.access-key.",
            Values.nonEmpty(Pattern.compile("\\S*")), c -> "");

    public static final ConfigKey<String> CHECKPOINT_PATH = key("checkpoint.path", "a path or s3:// URI",
            "<data-dir>/checkpoints", "Where the job's checkpoints go; `sightline run` resumes from the latest one in a local folder.",
            Values.location(), c -> LocalPaths.toUri(c.get(DATA_DIR).resolve("checkpoints")));

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

    public static final ConfigKey<String> PROCESSED_PATH = key("processed.path", "a path or s3:// URI",
            "<data-dir>/processed", "Where derived files go (keyframe thumbnails under keyframes/<video_id>/).",
            Values.location(), c -> LocalPaths.toUri(c.get(DATA_DIR).resolve("processed")));

    public static final ConfigKey<String> WAREHOUSE_PATH = key("warehouse.path", "a path or s3:// URI",
            "<data-dir>/warehouse", "Where the Iceberg warehouse's data and metadata files go (S3 through Iceberg's S3FileIO).",
            Values.location(), c -> LocalPaths.toUri(c.get(DATA_DIR).resolve("warehouse")));

    public static final ConfigKey<CatalogKind> CATALOG_KIND = key("catalog.kind", Values.choices(CatalogKind.class),
            "jdbc", "Iceberg catalog: jdbc (SQLite by default, or PostgreSQL), rest (an Iceberg REST catalog at catalog.uri) or glue (AWS Glue; warehouse on S3).",
            Values.choice(CatalogKind.class), c -> CatalogKind.JDBC);

    public static final ConfigKey<String> CATALOG_URI = key("catalog.uri", "a JDBC URL (jdbc), an http(s) URL (rest, glue), or empty",
            "jdbc:sqlite:<warehouse.path>/catalog.db for jdbc, else empty",
            "jdbc: JDBC URL of the catalog database (SQLite file by default, under data-dir when the warehouse is on S3). rest: URL of the REST catalog. glue: endpoint override (a VPC endpoint), empty for AWS's.",
            Values.nonEmpty(Pattern.compile("|jdbc:.+|https?://.+")), ConfigKeys::defaultCatalogUri);

    public static final ConfigKey<String> CATALOG_CREDENTIAL = key("catalog.credential", "client-id:secret, or empty",
            "", "OAuth2 client credentials for a REST catalog that asks for them.",
            Values.nonEmpty(Pattern.compile("|[^:\\s]+:\\S+")), c -> "");

    public static final ConfigKey<String> CATALOG_NAMESPACE = key("catalog.namespace", "a letter, then letters, digits or _",
            "sightline", "Iceberg namespace (database) of Sightline's tables.",
            Values.nonEmpty(IDENTIFIER), c -> "sightline");
    public static final ConfigKey<Boolean> MAINTENANCE_ENABLED = key("warehouse.maintenance.enabled", "true | false",
            "false", "Run Iceberg's table maintenance in the job (expire snapshots, rewrite small files, delete orphans; docs/operations.md).",
            Values.flag(), c -> false);
    public static final ConfigKey<Duration> MAINTENANCE_EXPIRE_AFTER = key("warehouse.maintenance.expire-after", "a duration from 1m to 3650d",
            "2h", "Snapshots older than this are expired (time travel reaches this far back).",
            Values.duration(Duration.ofMinutes(1), Duration.ofDays(3650)), c -> Duration.ofHours(2));
    public static final ConfigKey<Integer> MAINTENANCE_RETAIN_LAST = key("warehouse.maintenance.retain-last", "an integer from 1 to 100000",
            "20", "Snapshots of each table kept however old they are.",
            Values.integer(1, 100_000), c -> 20);
    public static final ConfigKey<Integer> MAINTENANCE_EXPIRE_EVERY = key("warehouse.maintenance.expire-every-commits", "an integer from 1 to 100000",
            "60", "Expire snapshots after this many commits of a table (60: every 10 minutes at 10 s checkpoints).",
            Values.integer(1, 100_000), c -> 60);
    public static final ConfigKey<Integer> MAINTENANCE_REWRITE_EVERY = key("warehouse.maintenance.rewrite-every-files", "an integer from 1 to 100000",
            "100", "Rewrite small data files once this many new ones were committed to a table.",
            Values.integer(1, 100_000), c -> 100);
    public static final ConfigKey<Integer> MAINTENANCE_REWRITE_MIN_FILES = key("warehouse.maintenance.rewrite-min-files", "an integer from 2 to 100000",
            "10", "Files a rewrite combines at the least (per partition).",
            Values.integer(2, 100_000), c -> 10);
    public static final ConfigKey<Integer> MAINTENANCE_TARGET_FILE_MB = key("warehouse.maintenance.target-file-size-mb", "an integer from 1 to 4096",
            "128", "Size of the data files a rewrite writes, MiB.",
            Values.integer(1, 4096), c -> 128);
    public static final ConfigKey<Duration> MAINTENANCE_ORPHAN_MIN_AGE = key("warehouse.maintenance.orphan-min-age", "a duration from 1h to 3650d",
            "3d", "Files in a table's folder that no snapshot knows are deleted once older than this (longer than any write takes).",
            Values.duration(Duration.ofHours(1), Duration.ofDays(3650)), c -> Duration.ofDays(3));
    public static final ConfigKey<Duration> MAINTENANCE_ORPHAN_EVERY = key("warehouse.maintenance.orphan-every", "a duration from 1m to 30d",
            "1d", "How often orphan files are looked for.",
            Values.duration(Duration.ofMinutes(1), Duration.ofDays(30)), c -> Duration.ofDays(1));
    public static final ConfigKey<Duration> MAINTENANCE_RATE_LIMIT = key("warehouse.maintenance.rate-limit", "a duration from 1s to 1d",
            "1m", "Least time between two runs of a task on one table; tables are watched for commits at this interval.",
            Values.duration(Duration.ofSeconds(1), Duration.ofDays(1)), c -> Duration.ofMinutes(1));
    public static final ConfigKey<String> MAINTENANCE_LOCK_URI = key("warehouse.maintenance.lock-uri", "a JDBC URL, or empty",
            "the catalog's URI (jdbc catalogs)", "Database of the maintenance lock (Iceberg's JdbcLockFactory); needed with rest and glue catalogs.",
            Values.nonEmpty(Pattern.compile("(jdbc:.+)?")), c -> c.get(CATALOG_KIND) == CatalogKind.JDBC ? c.get(CATALOG_URI) : "");

    public static final ConfigKey<Integer> WEB_UI_PORT = key("web-ui.port", "0 to 65535 (0: any free port)",
            "8081", "Port of the local Flink web UI; the address is printed at start.",
            Values.integer(0, 65535), c -> 8081);

    public static final ConfigKey<Integer> METRICS_PROMETHEUS_PORT = key("metrics.prometheus.port", "off, or 0 to 65535 (0: any free port)",
            "9249", "Port of the embedded mode's Prometheus endpoint (Flink's Prometheus reporter, at /metrics); the address is printed"
                    + " at start. A cluster sets its reporter in its Flink configuration (flink-deployments/).",
            Values.portOrOff(), c -> 9249);

    public static final ConfigKey<Integer> PARALLELISM = key("job.parallelism", "1 to 1024",
            "2", "Parallelism of the job's operators (and task slots of the embedded cluster).",
            Values.integer(1, 1024), c -> 2);

    public static final ConfigKey<Integer> MAX_PARALLELISM = key("job.max-parallelism", "1 to 32768",
            "128", "Upper bound of rescaling (key groups of the keyed state); keep it fixed for the life of the job's state.",
            Values.integer(1, 32768), c -> 128);

    public static final ConfigKey<String> JOB_NAME_KEY = key("job.name", "letters, digits, space, _ . -",
            "sightline", "Name of the Flink job.",
            Values.nonEmpty(JOB_NAME), c -> "sightline");

    public static final ConfigKey<DeploymentTarget> DEPLOYMENT_TARGET = key("deployment.target",
            Values.choices(DeploymentTarget.class), "local",
            "local: embedded Flink MiniCluster with web UI; cluster: the Flink cluster that runs this jar.",
            Values.choice(DeploymentTarget.class), c -> DeploymentTarget.LOCAL);

    // Gaze analysis.
    public static final ConfigKey<Double> GAZE_SCREEN_WIDTH_PX = key("gaze.screen.width-px", "a number from 1 to 100000",
            "1920", "Screen width in pixels, where the file does not state it (EyeLink's DISPLAY_COORDS does).",
            Values.number(1, 100_000), c -> 1920.0);
    public static final ConfigKey<Double> GAZE_SCREEN_HEIGHT_PX = key("gaze.screen.height-px", "a number from 1 to 100000",
            "1080", "Screen height in pixels, where the file does not state it.", Values.number(1, 100_000), c -> 1080.0);
    public static final ConfigKey<Double> GAZE_SCREEN_WIDTH_MM = key("gaze.screen.width-mm", "a number from 1 to 100000",
            "531", "Visible screen width in millimetres (531 mm: a 24-inch 16:9 screen).", Values.number(1, 100_000), c -> 531.0);
    public static final ConfigKey<Double> GAZE_SCREEN_HEIGHT_MM = key("gaze.screen.height-mm", "a number from 1 to 100000",
            "299", "Visible screen height in millimetres.", Values.number(1, 100_000), c -> 299.0);
    public static final ConfigKey<Double> GAZE_VIEWING_DISTANCE_MM = key("gaze.viewing-distance-mm", "a number from 1 to 100000",
            "650", "Distance from the eye to the screen centre in millimetres.", Values.number(1, 100_000), c -> 650.0);
    public static final ConfigKey<Double> GAZE_SAMPLING_RATE = key("gaze.sampling-rate-hz", "0 or a number up to 100000",
            "0", "Sampling rate where the file does not state it; 0 estimates it from the median timestamp step.",
            Values.number(0, 100_000), c -> 0.0);
    public static final ConfigKey<String> GAZE_TIME_COLUMN = key("gaze.csv.time-column", "auto or a column name",
            "auto", "Timestamp column of plain CSV/TSV files; auto finds t_us, time_ms, timestamp, time, ...",
            Values.nonEmpty(Pattern.compile(".+")), c -> "auto");
    public static final ConfigKey<String> GAZE_TIME_UNIT = key("gaze.csv.time-unit", "auto | ns | us | ms | s",
            "auto", "Unit of the timestamp column; auto reads it from the name (_us, [ms]) or the typical step.",
            Values.nonEmpty(Pattern.compile("auto|ns|us|ms|s")), c -> "auto");
    public static final ConfigKey<String> GAZE_X_COLUMN = key("gaze.csv.x-column", "auto or a column name",
            "auto", "Horizontal gaze position column; auto finds x_px, gaze point x, x, x_left/x_right (averaged), ...",
            Values.nonEmpty(Pattern.compile(".+")), c -> "auto");
    public static final ConfigKey<String> GAZE_Y_COLUMN = key("gaze.csv.y-column", "auto or a column name",
            "auto", "Vertical gaze position column.", Values.nonEmpty(Pattern.compile(".+")), c -> "auto");
    public static final ConfigKey<String> GAZE_PUPIL_COLUMN = key("gaze.csv.pupil-column", "auto or a column name",
            "auto", "Pupil size column; auto takes the first column whose name contains 'pupil'.",
            Values.nonEmpty(Pattern.compile(".+")), c -> "auto");
    public static final ConfigKey<String> GAZE_VALIDITY_COLUMN = key("gaze.csv.validity-column", "auto or a column name",
            "auto", "Validity or confidence column; auto finds validity left/right, validity, val, confidence.",
            Values.nonEmpty(Pattern.compile(".+")), c -> "auto");
    public static final ConfigKey<String> GAZE_POSITION_UNIT = key("gaze.csv.position-unit", "auto | px | deg | normalized",
            "auto", "Unit of the position columns; auto: normalized for names with 'norm', deg for names with 'deg', else px.",
            Values.nonEmpty(Pattern.compile("auto|px|deg|normalized")), c -> "auto");
    public static final ConfigKey<Double> GAZE_MIN_CONFIDENCE = key("gaze.min-confidence", "a number from 0 to 1",
            "0.6", "Samples with a confidence below this are invalid (Pupil Labs).", Values.number(0, 1), c -> 0.6);
    public static final ConfigKey<Duration> GAZE_MAX_GAP = key("gaze.clean.max-interpolation-gap", "a duration from 0ms to 1s",
            "75ms", "Runs of lost samples up to this long are filled by linear interpolation.",
            Values.duration(Duration.ZERO, Duration.ofSeconds(1)), c -> Duration.ofMillis(75));
    public static final ConfigKey<Duration> GAZE_BLINK_MIN = key("gaze.blink.min-duration", "a duration from 0ms to 2s",
            "75ms", "Shortest loss run taken for a blink.", Values.duration(Duration.ZERO, Duration.ofSeconds(2)), c -> Duration.ofMillis(75));
    public static final ConfigKey<Duration> GAZE_BLINK_MAX = key("gaze.blink.max-duration", "a duration from 1ms to 5s",
            "500ms", "Longest loss run taken for a blink; longer ones are track loss.",
            Values.duration(Duration.ofMillis(1), Duration.ofSeconds(5)), c -> Duration.ofMillis(500));
    public static final ConfigKey<Duration> GAZE_VELOCITY_WINDOW = key("gaze.velocity.window", "a duration from 1ms to 100ms",
            "3ms", "Savitzky-Golay (order 2) window of the velocity filter; at least 3 samples.",
            Values.duration(Duration.ofMillis(1), Duration.ofMillis(100)), c -> Duration.ofMillis(3));
    public static final ConfigKey<GazeDetectorChoice> GAZE_DETECTOR = key("gaze.detector", Values.choices(GazeDetectorChoice.class),
            "adaptive", "Event detector: adaptive (default; data-driven thresholds, PSO), ivt or idt (references).",
            Values.choice(GazeDetectorChoice.class), c -> GazeDetectorChoice.ADAPTIVE);
    public static final ConfigKey<Duration> GAZE_MIN_FIXATION = key("gaze.fixation.min-duration", "a duration from 0ms to 1s",
            "20ms", "Shorter fixation candidates are left undefined.", Values.duration(Duration.ZERO, Duration.ofSeconds(1)),
            c -> Duration.ofMillis(20));
    public static final ConfigKey<Double> GAZE_PURSUIT_THRESHOLD = key("gaze.pursuit.threshold-deg-s", "a number from 0 to 100",
            "2.5", "adaptive detector: between saccades, samples where the low-pass filtered gaze moves faster than this are smooth"
                    + " pursuit, the rest fixation; 0 turns pursuit detection off.", Values.number(0, 100), c -> 2.5);
    public static final ConfigKey<Double> GAZE_PURSUIT_LOWPASS = key("gaze.pursuit.lowpass-hz", "a number from 0.1 to 50",
            "0.8", "adaptive detector: cut-off of the low-pass filter that keeps the gaze's smooth movement (second-order Butterworth,"
                    + " forwards and backwards).", Values.number(0.1, 50), c -> 0.8);
    public static final ConfigKey<Duration> GAZE_PURSUIT_MIN = key("gaze.pursuit.min-duration", "a duration from 0ms to 5s",
            "150ms", "adaptive detector: shorter pursuits are fixation.", Values.duration(Duration.ZERO, Duration.ofSeconds(5)),
            c -> Duration.ofMillis(150));
    public static final ConfigKey<Duration> GAZE_MERGE_GAP = key("gaze.fixation.merge-max-gap", "a duration from 0ms to 1s",
            "0ms", "Merge two fixations separated by at most this long (no blink between) that look at the same place; 0 disables.",
            Values.duration(Duration.ZERO, Duration.ofSeconds(1)), c -> Duration.ZERO);
    public static final ConfigKey<Double> GAZE_MERGE_ANGLE = key("gaze.fixation.merge-max-angle-deg", "a number from 0 to 10",
            "0.5", "... and whose mean positions are at most this far apart.", Values.number(0, 10), c -> 0.5);
    public static final ConfigKey<Double> GAZE_IVT_THRESHOLD = key("gaze.ivt.threshold-deg-s", "a number from 1 to 1000",
            "30", "Velocity threshold of the I-VT detector.", Values.number(1, 1000), c -> 30.0);
    public static final ConfigKey<Double> GAZE_IDT_DISPERSION = key("gaze.idt.dispersion-deg", "a number from 0.01 to 20",
            "1", "Dispersion threshold of the I-DT detector.", Values.number(0.01, 20), c -> 1.0);
    public static final ConfigKey<Duration> GAZE_IDT_WINDOW = key("gaze.idt.min-duration", "a duration from 10ms to 1s",
            "100ms", "Minimum fixation (window) duration of the I-DT detector.",
            Values.duration(Duration.ofMillis(10), Duration.ofSeconds(1)), c -> Duration.ofMillis(100));
    public static final ConfigKey<Duration> GAZE_CHUNK = key("gaze.chunk", "a duration from 1s to 10m",
            "30s", "How much of a recording is analysed at a time; memory is bounded by it.",
            Values.duration(Duration.ofSeconds(1), Duration.ofMinutes(10)), c -> Duration.ofSeconds(30));
    public static final ConfigKey<String> GAZE_STIMULUS_MANIFEST = key("gaze.stimulus-manifest", "a file name, or empty",
            "stimuli.yaml", "A stimulus manifest of this name beside a recording links it to its video (its entries are tried before"
                    + " the gaze.stimulus.<name> ones); empty to look for none.",
            Values.nonEmpty(Pattern.compile("|[^/\\\\]{1,255}")), c -> "stimuli.yaml");
    public static final ConfigKey<Boolean> GAZE_VIDEO_JOIN = key("gaze.video.join", "true | false",
            "true", "Join recordings with the videos they showed (gaze_object_hits, gaze_track_attention, gaze_scene_attention,"
                    + " video_attention).", Values.flag(), c -> true);
    public static final ConfigKey<Double> GAZE_VIDEO_TOLERANCE = key("gaze.video.tolerance-deg", "a number from 0 to 10",
            "1", "Gaze within this angle of a tracked box counts as on it (the tracker's and the detector's imprecision).",
            Values.number(0, 10), c -> 1.0);
    public static final ConfigKey<Duration> GAZE_VIDEO_SAMPLE = key("gaze.video.sample-interval", "a duration from 1ms to 1s",
            "20ms", "A fixation or pursuit is tested against the boxes every this much video time.",
            Values.duration(Duration.ofMillis(1), Duration.ofSeconds(1)), c -> Duration.ofMillis(20));
    public static final ConfigKey<Double> GAZE_VIDEO_MIN_SHARE = key("gaze.video.min-on-share", "a number from 0.01 to 1",
            "0.5", "An event hits a box when the gaze is on it for at least this share of the event.", Values.number(0.01, 1), c -> 0.5);
    public static final ConfigKey<Duration> GAZE_VIDEO_MAX_BOX_GAP = key("gaze.video.max-box-gap", "a duration from 0ms to 1m",
            "1s", "A track's boxes are interpolated between analysed frames at most this far apart; longer gaps are not visible.",
            Values.duration(Duration.ZERO, Duration.ofMinutes(1)), c -> Duration.ofSeconds(1));
    public static final ConfigKey<Duration> GAZE_VIDEO_SYNCHRONY_BIN = key("gaze.video.synchrony-bin", "a duration from 10ms to 10s",
            "200ms", "Time bins in which viewers' targets are compared for attention synchrony (video_attention).",
            Values.duration(Duration.ofMillis(10), Duration.ofSeconds(10)), c -> Duration.ofMillis(200));
    public static final ConfigKey<Duration> GAZE_VIDEO_RECORDING_WAIT = key("gaze.video.recording-wait", "a duration from 1s to 365d",
            "7d", "How long a linked recording waits for its video's analysis before a StimulusNotFound dead letter.",
            Values.duration(Duration.ofSeconds(1), Duration.ofDays(365)), c -> Duration.ofDays(7));
    public static final ConfigKey<Duration> GAZE_VIDEO_KEEP = key("gaze.video.video-keep", "a duration from 1s to 3650d",
            "30d", "How long a video's tracks and scenes are kept for recordings still to come, from its last join.",
            Values.duration(Duration.ofSeconds(1), Duration.ofDays(3650)), c -> Duration.ofDays(30));

    // Video analysis.
    public static final ConfigKey<Integer> VIDEO_ANALYSIS_WIDTH = key("video.analysis-width", "16 to 4096",
            "256", "Frames are downscaled to this width for analysis (PySceneDetect's default).", Values.integer(16, 4096), c -> 256);
    public static final ConfigKey<String> VIDEO_SCENE_DETECTORS = key("video.scene.detectors", "content | adaptive | content,adaptive",
            "content", "Scene detectors whose scenes are written (the first one counts in video_summary).",
            Values.nonEmpty(Pattern.compile("(content|adaptive)(,(content|adaptive))?")), c -> "content");
    public static final ConfigKey<Double> VIDEO_SCENE_THRESHOLD = key("video.scene.threshold", "a number from 1 to 255",
            "27", "Content detector: HSV difference score at or above which a frame starts a new scene.", Values.number(1, 255), c -> 27.0);
    public static final ConfigKey<Integer> VIDEO_SCENE_MIN_LENGTH = key("video.scene.min-length-frames", "1 to 100000",
            "15", "No cut closer than this many frames to the previous one.", Values.integer(1, 100_000), c -> 15);
    public static final ConfigKey<Double> VIDEO_ADAPTIVE_THRESHOLD = key("video.scene.adaptive-threshold", "a number from 1 to 100",
            "3", "Adaptive detector: a frame's score over the mean score of its neighbours that cuts.", Values.number(1, 100), c -> 3.0);
    public static final ConfigKey<Integer> VIDEO_ADAPTIVE_WINDOW = key("video.scene.adaptive-window", "1 to 100",
            "2", "Adaptive detector: neighbours on each side of a frame.", Values.integer(1, 100), c -> 2);
    public static final ConfigKey<Double> VIDEO_ADAPTIVE_MIN_CONTENT = key("video.scene.adaptive-min-content", "a number from 0 to 255",
            "15", "Adaptive detector: lowest score that may cut.", Values.number(0, 255), c -> 15.0);

    public static final ConfigKey<Double> VIDEO_DETECTION_FPS = key("video.detection.fps", "a number from 0 to 240",
            "5", "Frames per second of video analysed for people and faces; 0 turns detection and tracking off.",
            Values.number(0, 240), c -> 5.0);
    public static final ConfigKey<Integer> VIDEO_DETECTION_WIDTH = key("video.detection.width", "64 to 8192",
            "1152", "Frames are scaled up or down to this width for detection (HOG finds people from about 100 px tall).",
            Values.integer(64, 8192), c -> 1152);
    public static final ConfigKey<String> VIDEO_DETECTORS = key("video.detection.detectors",
            "a comma list of person, face, moving-object (or none)", "person,face,moving-object",
            "Detectors to run: OpenCV's HOG people detector, the face detector (video.detection.face-model), and moving regions of any class (frame differencing aligned for camera pans).",
            Values.nonEmpty(Pattern.compile("none|(person|face|moving-object)(,(person|face|moving-object))*")),
            c -> "person,face,moving-object");
    public static final ConfigKey<String> VIDEO_FACE_MODEL = key("video.detection.face-model", "blazeface | haar", "blazeface",
            "Face detector: MediaPipe's BlazeFace (full range, shipped in the jar, run by OpenCV's DNN module) or OpenCV's Haar cascade.",
            Values.nonEmpty(Pattern.compile("blazeface|haar")), c -> "blazeface");
    public static final ConfigKey<Boolean> VIDEO_TRACK_FILTER = key("video.detection.track-filter", "true | false", "true",
            "Judge each confirmed track on its whole evidence (size and aspect steadiness, score, motion, place in the frame) and drop"
                    + " those a detector's false positives make; false keeps every confirmed track.", Values.flag(), c -> true);
    public static final ConfigKey<Double> VIDEO_DETECTION_MIN_SCORE = key("video.detection.min-score", "a number from -10 to 10",
            "0.3", "People detections with a lower HOG SVM score are dropped.", Values.number(-10, 10), c -> 0.3);
    public static final ConfigKey<String> VIDEO_ONNX_MODEL = key("video.detection.onnx-model", "none or a path to an .onnx file",
            "none", "A YOLO-style ONNX detection model to run as well ([1, boxes, 5 + classes] or [1, 4 + classes, boxes] output).",
            Values.nonEmpty(Pattern.compile(".+")), c -> "none");
    public static final ConfigKey<String> VIDEO_ONNX_LABELS = key("video.detection.onnx-labels", "comma-separated class names",
            "object", "The model's class names, in output order.", Values.nonEmpty(Pattern.compile("[^,]+(,[^,]+)*")), c -> "object");
    public static final ConfigKey<Integer> VIDEO_ONNX_INPUT = key("video.detection.onnx-input-size", "16 to 4096",
            "640", "The model's square input side in pixels.", Values.integer(16, 4096), c -> 640);
    public static final ConfigKey<Double> VIDEO_ONNX_MIN_SCORE = key("video.detection.onnx-min-score", "a number from 0 to 1",
            "0.25", "Model detections scoring lower are dropped.", Values.number(0, 1), c -> 0.25);
    public static final ConfigKey<Double> VIDEO_ONNX_NMS = key("video.detection.onnx-nms-iou", "a number from 0 to 1",
            "0.45", "Boxes of one class overlapping a better one more than this are suppressed.", Values.number(0, 1), c -> 0.45);
    public static final ConfigKey<Integer> VIDEO_TRACK_MAX_AGE = key("video.tracking.max-age", "0 to 1000",
            "3", "A track survives this many analysed frames without a matching detection.", Values.integer(0, 1000), c -> 3);
    public static final ConfigKey<Integer> VIDEO_TRACK_MIN_HITS = key("video.tracking.min-hits", "1 to 1000",
            "3", "A track gets an id after this many matched detections.", Values.integer(1, 1000), c -> 3);
    public static final ConfigKey<Double> VIDEO_TRACK_MIN_IOU = key("video.tracking.min-iou", "a number from 0.01 to 1",
            "0.3", "Least overlap between a detection and a track's predicted box to match them.", Values.number(0.01, 1), c -> 0.3);

    // Frame analysis (the async stage between video decoding and assembly).
    public static final ConfigKey<AnalysisDevice> ANALYSIS_DEVICE = key("analysis.device", Values.choices(AnalysisDevice.class),
            "auto", "Where frames are analysed: gpu (fails without a usable GPU or kernels), cpu, or auto (the GPU Flink assigns"
                    + " through external-resources: gpu, else a GPU the driver finds, else the CPU).",
            Values.choice(AnalysisDevice.class), c -> AnalysisDevice.AUTO);
    public static final ConfigKey<Integer> ANALYSIS_BATCH_FRAMES = key("analysis.batch-frames", "1 to 1024",
            "16", "Decoded frames per batch (one async request, one upload).", Values.integer(1, 1024), c -> 16);
    public static final ConfigKey<Integer> ANALYSIS_IN_FLIGHT = key("analysis.in-flight", "1 to 1024",
            "8", "Batches a task may have in its analyzers at once (the async operator's capacity; then backpressure).",
            Values.integer(1, 1024), c -> 8);
    public static final ConfigKey<Integer> ANALYSIS_THREADS = key("analysis.threads", "1 to 64",
            "2", "Analyzer threads per task, each with its own analyzer (on a GPU, its own stream).", Values.integer(1, 64), c -> 2);
    public static final ConfigKey<Duration> ANALYSIS_TIMEOUT = key("analysis.timeout", "a duration from 1s to 1h",
            "2m", "How long one batch may take, retries included, before its frames are reported as not analysed.",
            Values.duration(Duration.ofSeconds(1), Duration.ofHours(1)), c -> Duration.ofMinutes(2));
    public static final ConfigKey<Integer> ANALYSIS_ATTEMPTS = key("analysis.attempts", "1 to 20",
            "3", "Tries per batch; after the last failure its frames are reported as not analysed.", Values.integer(1, 20), c -> 3);
    public static final ConfigKey<Duration> ANALYSIS_BACKOFF = key("analysis.retry-backoff", "a duration from 0ms to 1m",
            "200ms", "Wait before the first retry; each further retry waits twice as long, up to analysis.retry-max-backoff.",
            Values.duration(Duration.ZERO, Duration.ofMinutes(1)), c -> Duration.ofMillis(200));
    public static final ConfigKey<Duration> ANALYSIS_MAX_BACKOFF = key("analysis.retry-max-backoff", "a duration from 1ms to 10m",
            "5s", "Longest wait between retries.", Values.duration(Duration.ofMillis(1), Duration.ofMinutes(10)), c -> Duration.ofSeconds(5));

    // Offload of whole analyses to a compute backend.
    public static final ConfigKey<OffloadBackendKind> OFFLOAD_BACKEND = key("offload.backend", Values.choices(OffloadBackendKind.class),
            "in-task", "Where analyses run: in-task (the task managers' own branches), local-process (a pool of `sightline worker`"
                    + " processes beside the task manager of each offload operator instance) or aws-batch (AWS Batch job queues); with the last two, offload.routes decide per object.",
            Values.choice(OffloadBackendKind.class), c -> OffloadBackendKind.IN_TASK);
    public static final ConfigKey<String> OFFLOAD_PATH = key("offload.path", "a path or s3:// URI",
            "<processed.path>/offload", "Where task folders go (task.json, result.json, _SUCCESS, failure.json), one per task id.",
            Values.location(), c -> c.get(PROCESSED_PATH) + "/offload");
    public static final ConfigKey<String> OFFLOAD_ROUTES = key("offload.routes", "rules MEDIA [where CONDITION] -> TARGET, separated by ';' (or a YAML list)",
            "", "Routing rules, first match wins, e.g. `video where duration > 10m or size > 1GB -> queue gpu; video -> in-task`"
                    + " (see docs/operations.md, Offload).", Values.nonEmpty(Pattern.compile("(?s).*")), c -> "");
    public static final ConfigKey<String> OFFLOAD_DEFAULT_ROUTE = key("offload.default-route", "offload | in-task | queue NAME",
            "offload", "Where objects no rule matches go: offload (the default queue), in-task, or queue NAME.",
            Values.nonEmpty(Pattern.compile("offload|in-task|queue [a-z0-9][a-z0-9-]*")), c -> "offload");
    public static final ConfigKey<Integer> OFFLOAD_PARALLELISM = key("offload.parallelism", "1 to 1024",
            "1", "Instances of the offload operator. It only waits on tasks, so one takes many (offload.in-flight); each instance has its"
                    + " own local worker pool (offload.local.workers), so raise it to spread local workers over task managers.",
            Values.integer(1, 1024), c -> 1);
    public static final ConfigKey<Integer> OFFLOAD_IN_FLIGHT = key("offload.in-flight", "1 to 100000",
            "64", "Tasks each instance of the offload operator has in flight at once (its async capacity; then backpressure).",
            Values.integer(1, 100_000), c -> 64);
    public static final ConfigKey<Duration> OFFLOAD_TIMEOUT_VIDEO = key("offload.timeout.video", "a duration from 1s to 7d",
            "6h", "How long an offloaded video may take from submission to result; then its run is cancelled and it is a dead letter.",
            Values.duration(Duration.ofSeconds(1), Duration.ofDays(7)), c -> Duration.ofHours(6));
    public static final ConfigKey<Duration> OFFLOAD_TIMEOUT_AUDIO = key("offload.timeout.audio", "a duration from 1s to 7d",
            "3h", "The same for an audio recording.", Values.duration(Duration.ofSeconds(1), Duration.ofDays(7)), c -> Duration.ofHours(3));
    public static final ConfigKey<Duration> OFFLOAD_TIMEOUT_GAZE = key("offload.timeout.gaze", "a duration from 1s to 7d",
            "30m", "The same for an eye-tracking file.", Values.duration(Duration.ofSeconds(1), Duration.ofDays(7)), c -> Duration.ofMinutes(30));
    public static final ConfigKey<Duration> OFFLOAD_POLL_FIRST = key("offload.poll.first", "a duration from 0ms to 10m",
            "20ms (local-process), 5s (aws-batch)", "Wait before a task's first status poll; each further poll waits 1.5 times longer.",
            Values.duration(Duration.ZERO, Duration.ofMinutes(10)),
            c -> c.get(OFFLOAD_BACKEND) == OffloadBackendKind.AWS_BATCH ? Duration.ofSeconds(5) : Duration.ofMillis(20));
    public static final ConfigKey<Duration> OFFLOAD_POLL_MAX = key("offload.poll.max", "a duration from 1ms to 1h",
            "100ms (local-process), 1m (aws-batch)", "Longest wait between polls of one task (the local pool answers from memory;"
                    + " DescribeJobs is rate-limited: keep it long on Batch).",
            Values.duration(Duration.ofMillis(1), Duration.ofHours(1)),
            c -> c.get(OFFLOAD_BACKEND) == OffloadBackendKind.AWS_BATCH ? Duration.ofMinutes(1) : Duration.ofMillis(100));
    public static final ConfigKey<Integer> OFFLOAD_ATTEMPTS = key("offload.attempts", "1 to 10",
            "3", "Attempts per task on the backend (Batch's retry strategy): exit code 1 and spot reclaims are tried again, bad input (3) and bad tasks (2) are not.",
            Values.integer(1, 10), c -> 3);
    public static final ConfigKey<Integer> OFFLOAD_BREAKER_FAILURES = key("offload.breaker.failures", "1 to 1000",
            "5", "Backend failures in a row (throttling, 5xx, access denied, a worker that cannot start) that open the circuit breaker.",
            Values.integer(1, 1000), c -> 5);
    public static final ConfigKey<Duration> OFFLOAD_BREAKER_COOL_DOWN = key("offload.breaker.cool-down", "a duration from 10ms to 1h",
            "30s", "How long the breaker stays open before one probe call.", Values.duration(Duration.ofMillis(10), Duration.ofHours(1)),
            c -> Duration.ofSeconds(30));
    public static final ConfigKey<String> OFFLOAD_BREAKER_WHEN_OPEN = key("offload.breaker.when-open", "wait | in-task",
            "wait", "While the breaker is open, new tasks wait (backpressure) or run in the task manager with the worker's code.",
            Values.nonEmpty(Pattern.compile("wait|in-task")), c -> "wait");
    public static final ConfigKey<Integer> OFFLOAD_LOCAL_WORKERS = key("offload.local.workers", "1 to 256",
            "2", "local-process: worker processes running at once per instance of the offload operator (offload.parallelism).", Values.integer(1, 256), c -> 2);
    public static final ConfigKey<String> OFFLOAD_LOCAL_COMMAND = key("offload.local.command", "a command line, or empty",
            "", "local-process: the worker program and its first arguments, split at spaces (e.g. `sightline` in an image); empty for this"
                    + " JVM's java, flags and class path. `worker TASK-URI` follows.", Values.nonEmpty(Pattern.compile(".*")), c -> "");
    public static final ConfigKey<String> OFFLOAD_LOCAL_PREFIX = key("offload.local.command-prefix", "a command line, or empty",
            "", "local-process: words before the worker command, e.g. `docker run --rm -v /data:/data IMAGE` or `nice -n 10`.",
            Values.nonEmpty(Pattern.compile(".*")), c -> "");
    public static final ConfigKey<Boolean> OFFLOAD_LOCAL_REUSE = key("offload.local.reuse-workers", "true | false",
            "true", "local-process: each slot keeps one long-lived `sightline worker --serve` process (no JVM start per task, models stay"
                    + " loaded); false starts a `sightline worker TASK-URI` process per attempt.", Values.flag(), c -> true);
    public static final ConfigKey<Path> OFFLOAD_LOCAL_LOGS = key("offload.local.logs", "a path",
            "<data-dir>/offload-logs", "local-process: folder of the workers' logs, one file per task attempt.",
            Values.path(), c -> c.get(DATA_DIR).resolve("offload-logs"));
    public static final ConfigKey<Integer> OFFLOAD_IN_TASK_THREADS = key("offload.in-task.threads", "1 to 64",
            "1", "Threads per offload operator instance that run tasks in the task manager while the breaker is open (when-open: in-task).",
            Values.integer(1, 64), c -> 1);
    public static final ConfigKey<Double> OFFLOAD_IN_TASK_VCPUS = key("offload.in-task.vcpus", "a number from 0.01 to 1024",
            "1", "vCPUs compute_runs records for an analysis in the task manager (a slot's share).", Values.number(0.01, 1024), c -> 1.0);
    public static final ConfigKey<Integer> OFFLOAD_IN_TASK_MEMORY = key("offload.in-task.memory-mib", "1 to 10000000",
            "2048", "Memory compute_runs records for an analysis in the task manager, MiB.", Values.integer(1, 10_000_000), c -> 2048);
    public static final ConfigKey<Double> OFFLOAD_PRICE_VCPU = key("offload.price.vcpu-hour-usd", "a number from 0 to 1000",
            "0.04048", "Estimated price of one vCPU for an hour (default: Fargate's on-demand price in us-east-1).", Values.number(0, 1000),
            c -> 0.04048);
    public static final ConfigKey<Double> OFFLOAD_PRICE_GPU = key("offload.price.gpu-hour-usd", "a number from 0 to 1000",
            "0.77", "Estimated price of one GPU for an hour (default: a g5.xlarge's on-demand price less its vCPUs and memory at the prices here).",
            Values.number(0, 1000), c -> 0.77);
    public static final ConfigKey<Double> OFFLOAD_PRICE_MEMORY = key("offload.price.gib-hour-usd", "a number from 0 to 1000",
            "0.004445", "Estimated price of one GiB of memory for an hour (default: Fargate's in us-east-1).", Values.number(0, 1000),
            c -> 0.004445);
    public static final ConfigKey<String> OFFLOAD_BATCH_ENDPOINT = key("offload.aws-batch.endpoint", "an http(s) URL, or empty",
            "", "aws-batch: endpoint override (a VPC endpoint, or a stand-in); empty for AWS Batch in aws.region.",
            Values.nonEmpty(Pattern.compile("|https?://.+")), c -> "");
    public static final ConfigKey<String> OFFLOAD_BATCH_COMMAND = key("offload.aws-batch.command", "a command line, or empty",
            "/opt/sightline/bin/sightline", "aws-batch: what the worker container runs before `worker TASK-URI` (the job image's command line).",
            Values.nonEmpty(Pattern.compile(".*")), c -> "/opt/sightline/bin/sightline");
    public static final ConfigKey<Boolean> OFFLOAD_BATCH_FAIR_SHARE = key("offload.aws-batch.fair-share", "true | false",
            "false", "aws-batch: the job queues have a fair-share scheduling policy, so jobs carry the tenant's share identifier and priority.",
            Values.flag(), c -> false);

    /** The fields of {@code offload.queue.<name>.<field>}: where tasks of a queue run, with what resources. */
    public static final KeyFamily OFFLOAD_QUEUE = new KeyFamily("offload.queue.", List.of(
            key("job-queue", "a Batch job queue name or ARN", "", "aws-batch: the queue's Batch job queue (required there).",
                    Values.nonEmpty(Pattern.compile("|[A-Za-z0-9_:/.-]{1,1600}")), c -> ""),
            key("job-definition", "a Batch job definition name, name:revision or ARN", "",
                    "aws-batch: the job definition (the worker image running `sightline worker`; required there).",
                    Values.nonEmpty(Pattern.compile("|[A-Za-z0-9_:/.-]{1,1600}")), c -> ""),
            key("vcpus", "a number from 0.25 to 4096", "2", "vCPUs a task asks for.", Values.number(0.25, 4096), c -> 2.0),
            key("memory-mib", "128 to 10000000", "4096", "Memory a task asks for, MiB.", Values.integer(128, 10_000_000), c -> 4096),
            key("gpus", "0 to 64", "0", "GPUs a task asks for.", Values.integer(0, 64), c -> 0)));

    /** The fields of {@code offload.tenant.<name>.<field>}: whose objects, and their priority and limit. */
    public static final KeyFamily OFFLOAD_TENANT = new KeyFamily("offload.tenant.", List.of(
            key("prefix", "a path or s3:// URI prefix", "", "Objects under this input prefix are the tenant's (required; the longest match wins).",
                    Values.prefix(), c -> ""),
            key("priority", "0 to 9999", "0", "Batch scheduling priority of the tenant's jobs (with offload.aws-batch.fair-share).",
                    Values.integer(0, 9999), c -> 0),
            key("max-in-flight", "0 to 1000000", "0", "Most of the tenant's tasks in flight at once, job-wide; 0 for no limit.",
                    Values.integer(0, 1_000_000), c -> 0),
            key("share", "letters and digits, or empty", "", "Batch fair-share identifier; empty for the tenant's name without other characters.",
                    Values.nonEmpty(Pattern.compile("|[A-Za-z0-9]{1,255}")), c -> "")));

    /** The fields of {@code gaze.stimulus.<name>.<field>}: which recordings showed which video, where and from when. */
    public static final KeyFamily GAZE_STIMULUS = new KeyFamily("gaze.stimulus.", List.of(
            key("recording", "a glob (* and ?), or empty", "", "Recordings this entry applies to, by file name, participant or recording name; empty: all.",
                    Values.nonEmpty(Pattern.compile(".{0,1000}")), c -> ""),
            key("media", "a file name, or empty", "", "The medium an export names (Tobii presented media, EyeLink video file) that this entry"
                    + " maps; empty: the entry links whole recordings that name none.", Values.nonEmpty(Pattern.compile(".{0,1000}")), c -> ""),
            key("video", "a path or URI, or empty", "", "The video, relative to the input prefix (the inbox in folder mode), or a full URI;"
                    + " this or video-sha256 is required.", Values.nonEmpty(Pattern.compile(".{0,2000}")), c -> ""),
            key("video-sha256", "64 hex digits, or empty", "", "The video by the SHA-256 of its content instead of its path.",
                    Values.nonEmpty(Pattern.compile("|[0-9a-fA-F]{64}")), c -> ""),
            key("rect", "X Y WIDTH HEIGHT in pixels, or empty", "", "Where the video was drawn on the screen; empty: as the export says,"
                    + " else fitted to the screen and centred.", Values.nonEmpty(Pattern.compile("|\\s*[-0-9.]+([\\s,]+[-0-9.]+){3}\\s*")), c -> ""),
            key("offset", "a duration, or empty", "", "When the video's first frame was shown, after the recording's first sample (or after"
                    + " the exported medium started); empty: 0.", Values.nonEmpty(Pattern.compile("|\\d+\\s*(ms|s|m|min|h)")), c -> "")));

    /** Key families, by prefix. */
    public static final List<KeyFamily> FAMILIES = List.of(OFFLOAD_QUEUE, OFFLOAD_TENANT, GAZE_STIMULUS);

    /** Keys whose YAML value may be a list of strings (joined with ';'). */
    public static final List<String> LIST_KEYS = List.of("offload.routes");

    /**
     * Areas of interest: every key under this prefix names one, its value {@code rect X Y W H} or
     * {@code polygon X1,Y1 X2,Y2 X3,Y3 ...} in pixels.
     */
    public static final String GAZE_AOI_PREFIX = "gaze.aoi.";

    /** Every key, in documentation order. */
    public static final ConfigKey<TranscriberKind> AUDIO_TRANSCRIBER = key("audio.transcriber", Values.choices(TranscriberKind.class),
            "sphinx4", "sphinx4: CMU Sphinx4 in-process (US English, offline); aws-transcribe: Amazon Transcribe on the object's S3 URI;"
                    + " command: a command such as a Whisper container (audio.command).",
            Values.choice(TranscriberKind.class), c -> TranscriberKind.SPHINX4);
    public static final ConfigKey<Boolean> AUDIO_VIDEO_SOUND = key("audio.video-sound", "true | false",
            "true", "Transcribe the sound tracks of videos too (rows in the audio tables; the video's ledger row stays the video branch's).",
            Values.flag(), c -> true);
    public static final ConfigKey<Double> AUDIO_SPHINX_LANGUAGE_WEIGHT = key("audio.sphinx.language-weight", "a number from 1 to 50",
            "12", "Weight of Sphinx's language model against the acoustic score (Sphinx's own default is 8).", Values.number(1, 50), c -> 12.0);
    public static final ConfigKey<Integer> AUDIO_SPHINX_ABSOLUTE_BEAM = key("audio.sphinx.absolute-beam", "100 to 1000000",
            "20000", "Most hypotheses Sphinx keeps per frame: lower is faster, less accurate.", Values.integer(100, 1_000_000), c -> 20_000);
    public static final ConfigKey<Double> AUDIO_SPHINX_RELATIVE_BEAM = key("audio.sphinx.relative-beam", "a number from 1e-300 to 0.5",
            "1e-60", "Sphinx prunes hypotheses below this fraction of the best: higher is faster, less accurate.",
            Values.number(1e-300, 0.5), c -> 1e-60);
    public static final ConfigKey<Double> AUDIO_VAD_MIN_GAP = key("audio.vad.min-gap-s", "a number from 0.05 to 10",
            "0.3", "Seconds of silence that end an utterance.", Values.number(0.05, 10), c -> 0.3);
    public static final ConfigKey<Double> AUDIO_VAD_MAX_UTTERANCE = key("audio.vad.max-utterance-s", "a number from 2 to 120",
            "20", "Longer voice is cut at its quietest moment, so no utterance is longer (transcription parallelises over utterances).",
            Values.number(2, 120), c -> 20.0);
    public static final ConfigKey<Integer> AUDIO_KEYWORDS = key("audio.keywords", "0 to 100",
            "10", "Keywords kept per transcript.", Values.integer(0, 100), c -> 10);
    public static final ConfigKey<Double> AUDIO_TOPIC_DISTANCE = key("audio.topic-distance", "a number from 0.05 to 1.95",
            "0.85", "Segments' clusters merge into one topic while closer than this cosine distance of their embeddings (average linkage).",
            Values.number(0.05, 1.95), c -> 0.85);
    public static final ConfigKey<Integer> AUDIO_REMOTE_CONCURRENCY = key("audio.remote.concurrency", "1 to 256",
            "4", "Recordings each task has with a remote backend (aws-transcribe, command) at once.", Values.integer(1, 256), c -> 4);
    public static final ConfigKey<Duration> AUDIO_REMOTE_TIMEOUT = key("audio.remote.timeout", "a duration from 1m to 7d",
            "3h", "How long a remote backend may take for one recording before it is a dead letter.",
            Values.duration(Duration.ofMinutes(1), Duration.ofDays(7)), c -> Duration.ofHours(3));
    public static final ConfigKey<String> AUDIO_TRANSCRIBE_LANGUAGE = key("audio.transcribe.language", "a language code such as en-US, or auto",
            "en-US", "Amazon Transcribe: the recordings' language, or auto to let it identify the language.",
            Values.nonEmpty(Pattern.compile("auto|[a-z]{2,3}-[A-Z]{2}")), c -> "en-US");
    public static final ConfigKey<String> AUDIO_TRANSCRIBE_ENDPOINT = key("audio.transcribe.endpoint", "an http(s) URL, or empty",
            "", "Amazon Transcribe: endpoint override (a VPC endpoint); empty for AWS's own in aws.region.",
            Values.nonEmpty(Pattern.compile("|https?://.+")), c -> "");
    public static final ConfigKey<String> AUDIO_TRANSCRIBE_OUTPUT_BUCKET = key("audio.transcribe.output-bucket", "a bucket name, or empty",
            "", "Amazon Transcribe: bucket it writes transcripts to (read back through S3); empty for its own (read through its temporary URL).",
            Values.nonEmpty(Pattern.compile("|[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")), c -> "");
    public static final ConfigKey<String> AUDIO_TRANSCRIBE_OUTPUT_PREFIX = key("audio.transcribe.output-prefix", "a key prefix, or empty",
            "", "Amazon Transcribe: folder in the output bucket, e.g. transcripts/.", Values.nonEmpty(Pattern.compile(".*")), c -> "");
    public static final ConfigKey<Integer> AUDIO_TRANSCRIBE_MAX_SPEAKERS = key("audio.transcribe.max-speakers", "0, or 2 to 30",
            "0", "Amazon Transcribe: most speakers to tell apart (speaker column); 0 for no speaker labels.", Values.integer(0, 30), c -> 0);
    public static final ConfigKey<String> AUDIO_COMMAND = key("audio.command", "a command line with {input} or {uri}",
            "", "command backend: program and arguments, split at spaces; {input} a local copy of the recording, {output_dir} a folder"
                    + " for its JSON, {uri} the object URI, {language} audio.command.language. Output: openai-whisper's JSON.",
            Values.nonEmpty(Pattern.compile(".*")), c -> "");
    public static final ConfigKey<String> AUDIO_COMMAND_LANGUAGE = key("audio.command.language", "a BCP 47 tag such as en, or auto",
            "en", "command backend: the recordings' language, or auto when the command identifies it.",
            Values.nonEmpty(Pattern.compile("auto|[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")), c -> "en");
    public static final ConfigKey<String> AUDIO_COMMAND_OUTPUT = key("audio.command.output", "file | stdout",
            "file", "command backend: the JSON is the newest *.json file in {output_dir}, or its standard output.",
            Values.nonEmpty(Pattern.compile("file|stdout")), c -> "file");

    public static final List<ConfigKey<?>> ALL = List.of(
            DATA_DIR, INBOX_PATH, INBOX_SCAN_INTERVAL, INPUT_KIND, INPUT_BACKFILL, INPUT_BACKFILL_WEBHOOK, INPUT_PREFIX, JOB_DESCRIPTION, INPUT_QUEUE_URL, INPUT_SQS_WAIT, INPUT_SQS_VISIBILITY,
            INPUT_SQS_MAX_RECEIVES, AWS_REGION, AWS_ENDPOINT, AWS_SQS_ENDPOINT, AWS_PATH_STYLE, AWS_ACCESS_KEY, AWS_SECRET_KEY, CHECKPOINT_PATH, CHECKPOINT_INTERVAL, CHECKPOINT_RETAINED,
            STATE_BACKEND, DEDUPE_TTL, PROCESSED_PATH, WAREHOUSE_PATH, CATALOG_KIND, CATALOG_URI, CATALOG_CREDENTIAL, CATALOG_NAMESPACE,
            MAINTENANCE_ENABLED, MAINTENANCE_EXPIRE_AFTER, MAINTENANCE_RETAIN_LAST, MAINTENANCE_EXPIRE_EVERY, MAINTENANCE_REWRITE_EVERY,
            MAINTENANCE_REWRITE_MIN_FILES, MAINTENANCE_TARGET_FILE_MB, MAINTENANCE_ORPHAN_MIN_AGE, MAINTENANCE_ORPHAN_EVERY, MAINTENANCE_RATE_LIMIT,
            MAINTENANCE_LOCK_URI, WEB_UI_PORT, METRICS_PROMETHEUS_PORT, PARALLELISM, MAX_PARALLELISM,
            JOB_NAME_KEY, DEPLOYMENT_TARGET,
            GAZE_SCREEN_WIDTH_PX, GAZE_SCREEN_HEIGHT_PX, GAZE_SCREEN_WIDTH_MM, GAZE_SCREEN_HEIGHT_MM, GAZE_VIEWING_DISTANCE_MM,
            GAZE_SAMPLING_RATE, GAZE_TIME_COLUMN, GAZE_TIME_UNIT, GAZE_X_COLUMN, GAZE_Y_COLUMN, GAZE_PUPIL_COLUMN,
            GAZE_VALIDITY_COLUMN, GAZE_POSITION_UNIT, GAZE_MIN_CONFIDENCE, GAZE_MAX_GAP, GAZE_BLINK_MIN, GAZE_BLINK_MAX,
            GAZE_VELOCITY_WINDOW, GAZE_DETECTOR, GAZE_MIN_FIXATION, GAZE_PURSUIT_THRESHOLD, GAZE_PURSUIT_LOWPASS, GAZE_PURSUIT_MIN,
            GAZE_MERGE_GAP, GAZE_MERGE_ANGLE, GAZE_IVT_THRESHOLD, GAZE_IDT_DISPERSION, GAZE_IDT_WINDOW,
            GAZE_CHUNK, GAZE_STIMULUS_MANIFEST, GAZE_VIDEO_JOIN, GAZE_VIDEO_TOLERANCE, GAZE_VIDEO_SAMPLE, GAZE_VIDEO_MIN_SHARE,
            GAZE_VIDEO_MAX_BOX_GAP, GAZE_VIDEO_SYNCHRONY_BIN, GAZE_VIDEO_RECORDING_WAIT, GAZE_VIDEO_KEEP, VIDEO_ANALYSIS_WIDTH, VIDEO_SCENE_DETECTORS, VIDEO_SCENE_THRESHOLD, VIDEO_SCENE_MIN_LENGTH,
            VIDEO_ADAPTIVE_THRESHOLD, VIDEO_ADAPTIVE_WINDOW, VIDEO_ADAPTIVE_MIN_CONTENT, VIDEO_DETECTION_FPS, VIDEO_DETECTION_WIDTH,
            VIDEO_DETECTORS, VIDEO_FACE_MODEL, VIDEO_TRACK_FILTER, VIDEO_DETECTION_MIN_SCORE, VIDEO_ONNX_MODEL, VIDEO_ONNX_LABELS, VIDEO_ONNX_INPUT,
            VIDEO_ONNX_MIN_SCORE, VIDEO_ONNX_NMS, VIDEO_TRACK_MAX_AGE, VIDEO_TRACK_MIN_HITS, VIDEO_TRACK_MIN_IOU,
            ANALYSIS_DEVICE, ANALYSIS_BATCH_FRAMES, ANALYSIS_IN_FLIGHT, ANALYSIS_THREADS, ANALYSIS_TIMEOUT, ANALYSIS_ATTEMPTS,
            ANALYSIS_BACKOFF, ANALYSIS_MAX_BACKOFF,
            AUDIO_TRANSCRIBER, AUDIO_VIDEO_SOUND, AUDIO_SPHINX_LANGUAGE_WEIGHT, AUDIO_SPHINX_ABSOLUTE_BEAM, AUDIO_SPHINX_RELATIVE_BEAM,
            AUDIO_VAD_MIN_GAP, AUDIO_VAD_MAX_UTTERANCE, AUDIO_KEYWORDS, AUDIO_TOPIC_DISTANCE, AUDIO_REMOTE_CONCURRENCY, AUDIO_REMOTE_TIMEOUT,
            AUDIO_TRANSCRIBE_LANGUAGE, AUDIO_TRANSCRIBE_ENDPOINT, AUDIO_TRANSCRIBE_OUTPUT_BUCKET, AUDIO_TRANSCRIBE_OUTPUT_PREFIX,
            AUDIO_TRANSCRIBE_MAX_SPEAKERS, AUDIO_COMMAND, AUDIO_COMMAND_LANGUAGE, AUDIO_COMMAND_OUTPUT,
            OFFLOAD_BACKEND, OFFLOAD_PATH, OFFLOAD_ROUTES, OFFLOAD_DEFAULT_ROUTE, OFFLOAD_PARALLELISM, OFFLOAD_IN_FLIGHT, OFFLOAD_TIMEOUT_VIDEO, OFFLOAD_TIMEOUT_AUDIO,
            OFFLOAD_TIMEOUT_GAZE, OFFLOAD_POLL_FIRST, OFFLOAD_POLL_MAX, OFFLOAD_ATTEMPTS, OFFLOAD_BREAKER_FAILURES, OFFLOAD_BREAKER_COOL_DOWN,
            OFFLOAD_BREAKER_WHEN_OPEN, OFFLOAD_LOCAL_WORKERS, OFFLOAD_LOCAL_COMMAND, OFFLOAD_LOCAL_PREFIX, OFFLOAD_LOCAL_REUSE, OFFLOAD_LOCAL_LOGS,
            OFFLOAD_IN_TASK_THREADS, OFFLOAD_IN_TASK_VCPUS, OFFLOAD_IN_TASK_MEMORY, OFFLOAD_PRICE_VCPU, OFFLOAD_PRICE_GPU,
            OFFLOAD_PRICE_MEMORY, OFFLOAD_BATCH_ENDPOINT, OFFLOAD_BATCH_COMMAND, OFFLOAD_BATCH_FAIR_SHARE);

    private static String defaultCatalogUri(SightlineConfig c) {
        if (c.get(CATALOG_KIND) != CatalogKind.JDBC) {
            return "";
        }
        String warehouse = c.get(WAREHOUSE_PATH);
        Path folder = warehouse.startsWith("file:") ? LocalPaths.toPath(warehouse) : c.get(DATA_DIR);
        return "jdbc:sqlite:" + folder.resolve("catalog.db");
    }

    private static <T> ConfigKey<T> key(String name, String allowed, String defaultText, String description,
            ValueParser<T> parser, Function<SightlineConfig, T> defaultValue) {
        return new ConfigKey<>(name, allowed, defaultText, description, parser, defaultValue);
    }
}
