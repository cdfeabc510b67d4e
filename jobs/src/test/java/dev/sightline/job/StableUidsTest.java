package dev.sightline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.PhysicalTransformation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Savepoint compatibility: every operator of every variant of the job graph carries an explicit
 * uid (state is matched to operators by it), no two share one, and the graph builds with Flink's
 * uid generation switched off, as the job runs.
 */
class StableUidsTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"folder", "sqs", "sqs+backfill+prefix", "folder+aws-transcribe", "folder+command", "folder+local-process",
        "sqs+aws-batch"})
    void everyOperatorHasAnExplicitUniqueUid(String variant) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(ConfigKeys.DATA_DIR.name(), data.toString()));
        if (variant.startsWith("sqs")) {
            settings.put(ConfigKeys.INPUT_KIND.name(), "sqs");
            settings.put(ConfigKeys.INPUT_QUEUE_URL.name(), "https://sqs.eu-west-1.amazonaws.com/123456789012/raw");
        }
        if (variant.contains("backfill")) {
            settings.put(ConfigKeys.INPUT_BACKFILL.name(), "s3://raw/archive/");
            settings.put(ConfigKeys.INPUT_PREFIX.name(), "s3://raw/");
        }
        if (variant.endsWith("aws-transcribe")) {
            settings.put(ConfigKeys.AUDIO_TRANSCRIBER.name(), "aws-transcribe");
        }
        if (variant.endsWith("command")) {
            settings.put(ConfigKeys.AUDIO_TRANSCRIBER.name(), "command");
            settings.put(ConfigKeys.AUDIO_COMMAND.name(), "whisper {input} --output_format json --output_dir {output_dir}");
        }
        if (variant.endsWith("local-process")) {
            settings.put(ConfigKeys.OFFLOAD_BACKEND.name(), "local-process");
        }
        if (variant.endsWith("aws-batch")) {
            settings.put(ConfigKeys.OFFLOAD_BACKEND.name(), "aws-batch");
            settings.put(ConfigKeys.OFFLOAD_ROUTES.name(), "video where duration > 10m -> queue gpu; video -> in-task");
            settings.put("offload.queue.default.job-queue", "cpu");
            settings.put("offload.queue.default.job-definition", "worker");
            settings.put("offload.queue.gpu.job-queue", "gpu");
            settings.put("offload.queue.gpu.job-definition", "worker-gpu");
        }
        SightlineConfig config = SightlineConfig.of(settings);
        StreamExecutionEnvironment env = TestJob.assembled(config, null, null);

        List<String> missing = new ArrayList<>();
        List<String> uids = new ArrayList<>();
        for (Transformation<?> t : all(env)) {
            if (t instanceof PhysicalTransformation<?>) {
                if (t.getUid() == null) {
                    missing.add(t.getName());
                } else {
                    uids.add(t.getUid());
                }
            }
        }
        assertThat(missing).as("operators without uid()").isEmpty();
        assertThat(uids).as("uids").doesNotHaveDuplicates()
                .contains("first-seen-filter", "identify-objects", "route-by-media-type", "gaze-analyze", "video-decode", "video-analyze-frames",
                        "video-assemble", "in-task-compute-runs", "iceberg-sink-compute_runs", "gaze-video-join",
                        "iceberg-sink-gaze_object_hits", "iceberg-sink-video_attention")
                .contains(variant.endsWith("aws-transcribe") || variant.endsWith("command")
                        ? new String[] {"audio-transcribe-remote", "audio-analyze-transcripts"}
                        : new String[] {"audio-decode", "audio-transcribe", "audio-assemble"});
        if (variant.endsWith("local-process") || variant.endsWith("aws-batch")) {
            assertThat(uids).contains("offload-route", "offload-analysis", "offload-results");
        } else {
            assertThat(uids).doesNotContain("offload-route", "offload-analysis", "offload-results");
        }
        env.getStreamGraph(); // throws if Flink would have to generate a uid
    }

    private static Set<Transformation<?>> all(StreamExecutionEnvironment env) {
        Set<Transformation<?>> seen = new HashSet<>();
        for (Transformation<?> sink : env.getTransformations()) {
            seen.add(sink);
            seen.addAll(sink.getTransitivePredecessors());
        }
        return seen;
    }
}
