package dev.sightline.job;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.S3Settings;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.InputConfig;
import dev.sightline.config.SightlineConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.PluginUtils;

/** Translates Sightline's configuration into the Flink configuration of the job. */
public final class FlinkSettings {

    private FlinkSettings() {}

    /**
     * Exactly-once checkpoints retained on cancellation, the state backend, explicit operator
     * uids required, and a restore from {@code restoreFrom} when given.
     */
    public static Configuration of(SightlineConfig config, Path restoreFrom) {
        Configuration flink = new Configuration();
        flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.get(ConfigKeys.CHECKPOINT_INTERVAL));
        flink.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        flink.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.get(ConfigKeys.CHECKPOINT_PATH));
        flink.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        flink.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, config.get(ConfigKeys.CHECKPOINT_RETAINED));
        flink.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMinutes(10));
        flink.set(StateBackendOptions.STATE_BACKEND, config.get(ConfigKeys.STATE_BACKEND).name().toLowerCase(Locale.ROOT));
        flink.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        flink.set(PipelineOptions.NAME, config.get(ConfigKeys.JOB_NAME_KEY));
        flink.set(RestOptions.PORT, config.get(ConfigKeys.WEB_UI_PORT));
        flink.set(RestOptions.BIND_ADDRESS, "localhost");
        flink.set(RestOptions.ADDRESS, "localhost");
        s3FileSystem(config, flink);
        if (restoreFrom != null) {
            flink.set(StateRecoveryOptions.SAVEPOINT_PATH, LocalPaths.toUri(restoreFrom));
            // The new run owns the checkpoint it resumes from and deletes it once subsumed.
            flink.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
        }
        return flink;
    }

    /**
     * Settings of Flink's S3 file system plugin (flink-s3-fs-hadoop) from {@code aws.*}:
     * endpoint, path style and static keys where given; otherwise it uses AWS's credentials chain.
     */
    private static void s3FileSystem(SightlineConfig config, Configuration flink) {
        S3Settings aws = InputConfig.aws(config);
        if (aws.endpoint() != null) {
            flink.setString("s3.endpoint", aws.endpoint());
        }
        flink.setString("s3.path.style.access", Boolean.toString(aws.pathStyle()));
        if (aws.accessKey() != null) {
            flink.setString("s3.access-key", aws.accessKey());
            flink.setString("s3.secret-key", aws.secretKey());
        }
    }

    /**
     * Makes Flink's file systems, plugins included (the S3 one for {@code s3://} checkpoints, from
     * {@code FLINK_PLUGINS_DIR}), known in this JVM with {@code flink}'s settings; call before a
     * job that checkpoints to S3 starts in this process.
     */
    public static void initializeFileSystems(Configuration flink) {
        FileSystem.initialize(flink, PluginUtils.createPluginManagerFromRootFolder(flink));
    }

}
