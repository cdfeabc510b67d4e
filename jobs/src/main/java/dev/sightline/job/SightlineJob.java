package dev.sightline.job;

import dev.sightline.audio.AudioBranch;
import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.cloud.RoutingObjectStore;
import dev.sightline.config.AudioConfig;
import dev.sightline.config.CatalogConfig;
import dev.sightline.config.ConfigException;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.GazeConfig;
import dev.sightline.config.InputConfig;
import dev.sightline.config.InputKind;
import dev.sightline.config.MaintenanceConfig;
import dev.sightline.config.OffloadConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.config.VideoConfig;
import dev.sightline.gaze.GazeBranch;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.InboxSource;
import dev.sightline.ingest.listing.ListingSource;
import dev.sightline.ingest.InPrefix;
import dev.sightline.ingest.ObjectNotice;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.backfill.BackfillCompletion;
import dev.sightline.ingest.backfill.BackfillNotifier;
import dev.sightline.ingest.backfill.WebhookNotifier;
import dev.sightline.ingest.sqs.SplitAnnouncements;
import dev.sightline.ingest.sqs.SqsNotificationSource;
import dev.sightline.ingest.sqs.SqsSourceSettings;
import dev.sightline.sink.IcebergCatalogSettings;
import dev.sightline.sink.IcebergTableWriter;
import dev.sightline.sink.IcebergWarehouse;
import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableWriter;
import dev.sightline.sink.WarehouseMaintenance;
import dev.sightline.video.VideoBranch;
import dev.sightline.cloud.LocalPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Wires the production job from configuration: the inbox source, the graph and Iceberg tables. */
public final class SightlineJob {

    /** The uid of the inbox source; part of savepoint compatibility, never change. */
    public static final String INBOX_SOURCE_UID = "inbox-source";
    /** The uid of the SQS notification source; part of savepoint compatibility, never change. */
    public static final String SQS_SOURCE_UID = "sqs-source";
    /** The uid of the backfill listing source; part of savepoint compatibility, never change. */
    public static final String BACKFILL_SOURCE_UID = "backfill-source";

    private SightlineJob() {}

    /** The Iceberg catalog the configuration names. */
    public static IcebergCatalogSettings catalog(SightlineConfig config) {
        return CatalogConfig.settings(config);
    }

    /** Creates the folders and tables the job needs; safe at every start. */
    public static void prepare(SightlineConfig config, AnalysisJob graph) {
        try {
            if (config.get(ConfigKeys.INPUT_KIND) == InputKind.FOLDER) {
                Files.createDirectories(config.get(ConfigKeys.INBOX_PATH));
            }
            for (String location : List.of(config.get(ConfigKeys.CHECKPOINT_PATH), config.get(ConfigKeys.WAREHOUSE_PATH))) {
                if (location.startsWith("file:")) {
                    Files.createDirectories(LocalPaths.toPath(location));
                }
            }
            String catalog = config.get(ConfigKeys.CATALOG_URI);
            if (catalog.startsWith("jdbc:sqlite:")) {
                Path parent = Path.of(catalog.substring("jdbc:sqlite:".length())).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folders: " + e.getMessage(), e);
        }
        try (IcebergWarehouse warehouse = new IcebergWarehouse(catalog(config))) {
            warehouse.prepare(graph.tables());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The graph of the analysis job with its default branches; checks the settings that span
     * several keys first, so a bad configuration fails before anything is created.
     */
    public static AnalysisJob graph(SightlineConfig config) {
        if (config.get(ConfigKeys.PARALLELISM) > config.get(ConfigKeys.MAX_PARALLELISM)) {
            throw new ConfigException("'job.parallelism' (" + config.get(ConfigKeys.PARALLELISM) + ") is above 'job.max-parallelism' ("
                    + config.get(ConfigKeys.MAX_PARALLELISM) + ")");
        }
        if (config.get(ConfigKeys.INPUT_KIND) == InputKind.SQS) {
            InputConfig.sqs(config, null); // a missing queue URL fails here, before tables or a cluster are made
        }
        if (config.get(ConfigKeys.MAINTENANCE_ENABLED)) {
            MaintenanceConfig.settings(config); // so does maintenance without a lock database
        }
        ObjectStoreFactory stores = RoutingObjectStore.factory(InputConfig.aws(config));
        AnalysisJob graph = new AnalysisJob(stores, config.get(ConfigKeys.DEDUPE_TTL))
                .withBranch(new GazeBranch(stores, GazeConfig.settings(config)))
                .withBranch(new VideoBranch(stores, VideoConfig.settings(config)))
                .withBranch(new AudioBranch(stores, AudioConfig.settings(config)))
                .withComputeRuns(OffloadConfig.inTaskRuns(config))
                .withGazeOnVideo(GazeConfig.join(config))
                .withSideFiles(List.of(config.get(ConfigKeys.GAZE_STIMULUS_MANIFEST)));
        if (OffloadConfig.enabled(config)) {
            graph.withOffload(OffloadConfig.plan(config, TaskWorker.inTask(config)));
        }
        return graph;
    }

    /** Adds the configured sources and the analysis graph to {@code env}; runs until stopped. */
    public static void assemble(StreamExecutionEnvironment env, SightlineConfig config, AnalysisJob graph) {
        assemble(env, config, graph, null);
    }

    /**
     * Adds the configured sources and the analysis graph to {@code env}. With {@code stopWhenIdle}
     * (SQS input only), the input ends once the queue has been empty that long, for drains and tests.
     */
    public static void assemble(StreamExecutionEnvironment env, SightlineConfig config, AnalysisJob graph, Duration stopWhenIdle) {
        env.setParallelism(config.get(ConfigKeys.PARALLELISM));
        env.setMaxParallelism(config.get(ConfigKeys.MAX_PARALLELISM));
        DataStream<ObjectNotice> notices;
        DataStream<DeadLetter> unusable = null;
        if (config.get(ConfigKeys.INPUT_KIND) == InputKind.SQS) {
            SingleOutputStreamOperator<ObjectNotice> sqs = sqsNotices(env, InputConfig.sqs(config, stopWhenIdle));
            notices = sqs;
            unusable = sqs.getSideOutput(SplitAnnouncements.UNUSABLE);
        } else {
            notices = inboxNotices(env, config);
        }
        String backfill = config.get(ConfigKeys.INPUT_BACKFILL);
        DataStream<ObjectNotice> listed = null;
        if (!backfill.isEmpty()) {
            listed = env.fromSource(new ListingSource(RoutingObjectStore.factory(InputConfig.aws(config)), backfill, 500),
                    WatermarkStrategy.noWatermarks(), "backfill " + backfill).uid(BACKFILL_SOURCE_UID);
            notices = notices.union(listed);
        }
        String scope = config.get(ConfigKeys.INPUT_PREFIX);
        if (!scope.isEmpty()) {
            notices = notices.filter(new InPrefix(scope)).name("in " + scope).uid("input-scope");
        }
        DataStream<ObjectOutcome> outcomes = graph.attach(notices, unusable, tableWriter(config));
        if (listed != null) {
            BackfillCompletion.attach(listed, outcomes, backfill, scope, config.get(ConfigKeys.DEDUPE_TTL), config.get(ConfigKeys.JOB_NAME_KEY),
                    backfillNotifiers(config));
        }
        if (config.get(ConfigKeys.MAINTENANCE_ENABLED)) {
            WarehouseMaintenance.attach(env, catalog(config), tableNames(graph), MaintenanceConfig.settings(config));
        }
    }

    /** Where the completion of a backfill is announced besides the log. */
    static List<BackfillNotifier> backfillNotifiers(SightlineConfig config) {
        String webhook = config.get(ConfigKeys.INPUT_BACKFILL_WEBHOOK);
        return webhook.isEmpty() ? List.of() : List.of(new WebhookNotifier(webhook));
    }

    /** The names of the graph's tables. */
    public static List<String> tableNames(AnalysisJob graph) {
        return graph.tables().stream().map(TableDefinition::name).distinct().toList();
    }

    /**
     * The notices of an SQS queue of S3 event notifications; unusable messages are on the side
     * output {@link SplitAnnouncements#UNUSABLE}.
     */
    public static SingleOutputStreamOperator<ObjectNotice> sqsNotices(StreamExecutionEnvironment env, SqsSourceSettings settings) {
        return env.fromSource(new SqsNotificationSource(settings), WatermarkStrategy.noWatermarks(), "sqs " + settings.queueUrl())
                .uid(SQS_SOURCE_UID)
                .process(new SplitAnnouncements(settings.queueUrl()))
                .name("read notifications")
                .uid("read-notifications");
    }

    /** The notices of the watched inbox folder. */
    public static DataStream<ObjectNotice> inboxNotices(StreamExecutionEnvironment env, SightlineConfig config) {
        return env.fromSource(InboxSource.watching(config.get(ConfigKeys.INBOX_PATH), config.get(ConfigKeys.INBOX_SCAN_INTERVAL)),
                        WatermarkStrategy.noWatermarks(), "inbox " + config.get(ConfigKeys.INBOX_PATH))
                .uid(INBOX_SOURCE_UID);
    }

    /** Writes the job's tables into the configured Iceberg catalog. */
    public static TableWriter tableWriter(SightlineConfig config) {
        return new IcebergTableWriter(catalog(config));
    }
}
