package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.video.AnalysisDevice;
import dev.sightline.video.FrameAnalysisSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analysis.* keys become the video branch's frame analysis settings, with messages that name the key. */
class FrameAnalysisConfigTest {

    @Test
    void defaultsAreTheSettingsDefaults() {
        assertThat(VideoConfig.settings(SightlineConfig.defaults()).analysis()).isEqualTo(FrameAnalysisSettings.DEFAULTS);
    }

    @Test
    void everyKeyReachesTheSettings() {
        FrameAnalysisSettings analysis = VideoConfig.settings(SightlineConfig.of(Map.of("analysis.device", "gpu",
                "analysis.batch-frames", "64", "analysis.in-flight", "4", "analysis.threads", "3", "analysis.timeout", "30s",
                "analysis.attempts", "5", "analysis.retry-backoff", "1s", "analysis.retry-max-backoff", "8s"))).analysis();
        assertThat(analysis).isEqualTo(new FrameAnalysisSettings(AnalysisDevice.GPU, 64, 4, 3, Duration.ofSeconds(30), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(8)));
    }

    @Test
    void badValuesAreNamed() {
        for (Map.Entry<String, String> bad : List.of(Map.entry("analysis.device", "tpu"), Map.entry("analysis.batch-frames", "0"),
                Map.entry("analysis.in-flight", "x"), Map.entry("analysis.timeout", "0s"), Map.entry("analysis.attempts", "50"))) {
            assertThatThrownBy(() -> VideoConfig.settings(SightlineConfig.of(Map.of(bad.getKey(), bad.getValue()))))
                    .as(bad.getKey()).isInstanceOf(ConfigException.class).hasMessageContaining(bad.getKey());
        }
        assertThatThrownBy(() -> VideoConfig.settings(SightlineConfig.of(Map.of("analysis.retry-backoff", "10s",
                "analysis.retry-max-backoff", "2s")))).isInstanceOf(ConfigException.class).hasMessageContaining("analysis.retry-max-backoff");
    }
}
