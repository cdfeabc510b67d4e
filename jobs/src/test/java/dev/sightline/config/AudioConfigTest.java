package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.audio.AudioSettings;
import dev.sightline.audio.CommandTranscriberSettings;
import dev.sightline.audio.TranscriberKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audio.* keys become validated settings, with messages that name the key. */
class AudioConfigTest {

    @Test
    void defaultsAreSphinxWithVideoSound() {
        AudioSettings settings = AudioConfig.settings(SightlineConfig.defaults());
        assertThat(settings.transcriber()).isEqualTo(TranscriberKind.SPHINX4);
        assertThat(settings.videoSound()).isTrue();
        assertThat(settings.sphinx().languageWeight()).isEqualTo(12.0);
        assertThat(settings.language().topicDistance()).isEqualTo(0.85);
        assertThat(settings.amazon()).isNull();
    }

    @Test
    void remoteBackendsAreConfiguredFromTheirKeys() {
        AudioSettings amazon = AudioConfig.settings(SightlineConfig.of(Map.of("audio.transcriber", "aws-transcribe",
                "aws.region", "eu-west-1", "audio.transcribe.max-speakers", "4", "audio.transcribe.output-bucket", "transcripts-bucket",
                "audio.remote.timeout", "90m")));
        assertThat(amazon.amazon().region()).isEqualTo("eu-west-1");
        assertThat(amazon.amazon().maxSpeakers()).isEqualTo(4);
        assertThat(amazon.amazon().outputBucket()).isEqualTo("transcripts-bucket");
        assertThat(amazon.remoteTimeout()).isEqualTo(Duration.ofMinutes(90));

        AudioSettings command = AudioConfig.settings(SightlineConfig.of(Map.of("audio.transcriber", "command",
                "audio.command", "whisper {input} --model base.en --output_format json --output_dir {output_dir}")));
        assertThat(command.command().command()).containsExactly("whisper", "{input}", "--model", "base.en", "--output_format", "json",
                "--output_dir", "{output_dir}");
        assertThat(command.command().output()).isEqualTo(CommandTranscriberSettings.Output.FILE);
        assertThat(command.inProcess()).isFalse();
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> AudioConfig.settings(SightlineConfig.of(Map.of("audio.transcriber", "command"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'audio.command' is empty");
        assertThatThrownBy(() -> AudioConfig.settings(SightlineConfig.of(Map.of("audio.transcriber", "command",
                "audio.command", "whisper --output_dir {output_dir}"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("audio.command").hasMessageContaining("{input}");
        assertThatThrownBy(() -> AudioConfig.settings(SightlineConfig.of(Map.of("audio.vad.min-gap-s", "5", "audio.vad.max-utterance-s", "8"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("audio.vad.max-utterance-s");
        for (Map.Entry<String, String> bad : List.of(Map.entry("audio.transcriber", "whisper"), Map.entry("audio.sphinx.language-weight", "0"),
                Map.entry("audio.topic-distance", "2"), Map.entry("audio.transcribe.language", "english"))) {
            assertThatThrownBy(() -> AudioConfig.settings(SightlineConfig.of(Map.of(bad.getKey(), bad.getValue()))))
                    .as(bad.getKey()).isInstanceOf(ConfigException.class).hasMessageContaining(bad.getKey());
        }
    }
}
