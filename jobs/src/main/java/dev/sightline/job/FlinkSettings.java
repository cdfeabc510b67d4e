package dev.sightline.job;

import dev.sightline.config.ConfigKeys;
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
        flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, uri(config.get(ConfigKeys.CHECKPOINT_PATH)));
        flink.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        flink.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, config.get(ConfigKeys.CHECKPOINT_RETAINED));
        flink.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMinutes(10));
        flink.set(StateBackendOptions.STATE_BACKEND, config.get(ConfigKeys.STATE_BACKEND).name().toLowerCase(Locale.ROOT));
        flink.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        flink.set(PipelineOptions.NAME, config.get(ConfigKeys.JOB_NAME_KEY));
        flink.set(RestOptions.PORT, config.get(ConfigKeys.WEB_UI_PORT));
        flink.set(RestOptions.BIND_ADDRESS, "localhost");
        flink.set(RestOptions.ADDRESS, "localhost");
        if (restoreFrom != null) {
            flink.set(StateRecoveryOptions.SAVEPOINT_PATH, uri(restoreFrom));
            // The new run owns the checkpoint it resumes from and deletes it once subsumed.
            flink.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
        }
        return flink;
    }

    private static String uri(Path path) {
        return path.toAbsolutePath().normalize().toUri().toString();
    }
}
