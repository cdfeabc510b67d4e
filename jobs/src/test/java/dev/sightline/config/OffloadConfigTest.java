package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.ingest.MediaType;
import dev.sightline.offload.OffloadSettings;
import dev.sightline.offload.RouteTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offload configuration: the documented example loads, bad values fail with the key, fingerprints follow what changes results. */
class OffloadConfigTest {

    @TempDir
    Path dir;

    @Test
    void theExampleInTheConfigurationDocLoads() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        Matcher yaml = Pattern.compile("```yaml\\n(offload:.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(yaml.find()).as("the offload example in docs/configuration.md").isTrue();
        Path file = Files.writeString(dir.resolve("sightline.yaml"), yaml.group(1));
        SightlineConfig config = SightlineConfig.load(file, List.of("data-dir=" + dir));

        OffloadSettings settings = OffloadConfig.settings(config);
        assertThat(settings.routes().rules()).hasSize(3);
        assertThat(settings.routes().fallback()).isEqualTo(RouteTarget.IN_TASK);
        assertThat(settings.queues().get("gpu").gpus()).isEqualTo(1);
        assertThat(settings.queues().get("gpu").jobDefinition()).isEqualTo("sightline-worker-gpu");
        assertThat(settings.queues().get("default").memoryMib()).isEqualTo(4096);
        assertThat(settings.tenants().of("s3://recordings/lab-a/session-1.mp4").name()).isEqualTo("lab-a");
        assertThat(settings.tenants().of("s3://recordings/lab-a/session-1.mp4").priority()).isEqualTo(50);
        assertThat(settings.tenants().of("s3://recordings/lab-b/x.mp4").name()).isEqualTo("default");
        assertThat(settings.pollFirst()).as("Batch's poll default").hasSeconds(5);
        assertThat(OffloadConfig.batch(config).attemptTimeouts()).containsKeys("video", "audio", "gaze");
    }

    @Test
    void badOffloadSettingsFailWithTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> OffloadConfig.settings(SightlineConfig.of(Map.of("offload.routes", "video where length > 1 -> in-task"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("offload.routes").hasMessageContaining("unknown field 'length'");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("offload.queue.gpu.gpu", "1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("offload.queue.gpu.gpu").hasMessageContaining("gpus");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("offload.queue.gpu.vcpus", "lots")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'offload.queue.gpu.vcpus'").hasMessageContaining("0.25 to 4096");
        assertThatThrownBy(() -> OffloadConfig.settings(SightlineConfig.of(Map.of("offload.routes", "video -> queue gpu"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("queue 'gpu', which is not configured");
        assertThatThrownBy(() -> OffloadConfig.settings(SightlineConfig.of(Map.of("offload.backend", "aws-batch"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("offload.queue.default.job-queue");
        assertThatThrownBy(() -> OffloadConfig.settings(SightlineConfig.of(Map.of("offload.tenant.lab-a.priority", "3"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("offload.tenant.lab-a.prefix");
        assertThatThrownBy(() -> SightlineConfig.of(Map.of("offload.backend", "lambda")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("in-task | local-process | aws-batch");
    }

    @Test
    void fingerprintsChangeWithWhatChangesResultsAndNothingElse() {
        Map<MediaType, String> base = OffloadConfig.fingerprints(SightlineConfig.of(Map.of("data-dir", dir.toString())));
        Map<MediaType, String> threads = OffloadConfig.fingerprints(SightlineConfig.of(Map.of("data-dir", dir.toString(),
                "analysis.threads", "8", "offload.backend", "local-process", "audio.remote.concurrency", "16")));
        assertThat(threads).isEqualTo(base);
        Map<MediaType, String> detection = OffloadConfig.fingerprints(SightlineConfig.of(Map.of("data-dir", dir.toString(),
                "video.detection.fps", "2")));
        assertThat(detection.get(MediaType.VIDEO)).isNotEqualTo(base.get(MediaType.VIDEO));
        assertThat(detection.get(MediaType.GAZE)).isEqualTo(base.get(MediaType.GAZE));
        Map<MediaType, String> keywords = OffloadConfig.fingerprints(SightlineConfig.of(Map.of("data-dir", dir.toString(),
                "audio.keywords", "3")));
        assertThat(keywords.get(MediaType.AUDIO)).isNotEqualTo(base.get(MediaType.AUDIO));
        assertThat(keywords.get(MediaType.VIDEO)).as("a video's sound track is transcribed").isNotEqualTo(base.get(MediaType.VIDEO));
        assertThat(OffloadConfig.workerSettings(SightlineConfig.of(Map.of("data-dir", dir.toString(), "aws.secret-key", "s",
                "aws.access-key", "k", "video.detection.fps", "2"))))
                .containsKeys("video.detection.fps", "processed.path").doesNotContainKeys("aws.secret-key", "aws.access-key", "data-dir");
    }

    @Test
    void aLocalFoldersLocationAndFingerprintAreTheSameWhetherTheFolderExistsOrNot() throws Exception {
        SightlineConfig before = SightlineConfig.of(Map.of("data-dir", dir.resolve("data").toString()));
        String path = before.get(ConfigKeys.PROCESSED_PATH);
        Map<MediaType, String> fingerprints = OffloadConfig.fingerprints(before);
        Files.createDirectories(dir.resolve("data/processed"));
        SightlineConfig after = SightlineConfig.of(Map.of("data-dir", dir.resolve("data").toString()));
        assertThat(after.get(ConfigKeys.PROCESSED_PATH)).isEqualTo(path).doesNotEndWith("/");
        assertThat(OffloadConfig.fingerprints(after)).isEqualTo(fingerprints);
        SightlineConfig worker = SightlineConfig.of(OffloadConfig.workerSettings(after)); // what a worker rebuilds from a task
        assertThat(OffloadConfig.fingerprints(worker)).isEqualTo(fingerprints);
    }
}
