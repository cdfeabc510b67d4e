package dev.sightline.config;

import dev.sightline.audio.AmazonTranscribeSettings;
import dev.sightline.audio.AudioSettings;
import dev.sightline.audio.CommandTranscriberSettings;
import dev.sightline.audio.LanguageSettings;
import dev.sightline.audio.SphinxTranscriber;
import dev.sightline.audio.TranscriberKind;
import dev.sightline.audio.VoiceActivitySplitter;
import java.util.Arrays;
import java.util.List;

/** Builds the audio analysis settings from the configuration's {@code audio.*} keys. */
public final class AudioConfig {

    private AudioConfig() {}

    public static AudioSettings settings(SightlineConfig c) {
        TranscriberKind kind = c.get(ConfigKeys.AUDIO_TRANSCRIBER);
        VoiceActivitySplitter.Settings defaults = VoiceActivitySplitter.Settings.defaults();
        double maxUtterance = c.get(ConfigKeys.AUDIO_VAD_MAX_UTTERANCE);
        double minGap = c.get(ConfigKeys.AUDIO_VAD_MIN_GAP);
        if (maxUtterance < 2 * minGap + 1) {
            throw new ConfigException("bad value for 'audio.vad.max-utterance-s': " + maxUtterance
                    + " (must be at least 1 s more than twice audio.vad.min-gap-s)");
        }
        VoiceActivitySplitter.Settings voice = new VoiceActivitySplitter.Settings(minGap, defaults.padSeconds(),
                defaults.minVoiceSeconds(), maxUtterance, defaults.marginDb(), defaults.floorDbfs());
        SphinxTranscriber.Settings sphinx = new SphinxTranscriber.Settings(c.get(ConfigKeys.AUDIO_SPHINX_LANGUAGE_WEIGHT),
                c.get(ConfigKeys.AUDIO_SPHINX_ABSOLUTE_BEAM), c.get(ConfigKeys.AUDIO_SPHINX_RELATIVE_BEAM));
        AmazonTranscribeSettings amazon = kind == TranscriberKind.AWS_TRANSCRIBE ? amazon(c) : null;
        CommandTranscriberSettings command = kind == TranscriberKind.COMMAND ? command(c) : null;
        return new AudioSettings(kind, sphinx, voice, amazon, command,
                new LanguageSettings(c.get(ConfigKeys.AUDIO_KEYWORDS), c.get(ConfigKeys.AUDIO_TOPIC_DISTANCE)),
                c.get(ConfigKeys.AUDIO_VIDEO_SOUND), c.get(ConfigKeys.AUDIO_REMOTE_CONCURRENCY), c.get(ConfigKeys.AUDIO_REMOTE_TIMEOUT));
    }

    private static AmazonTranscribeSettings amazon(SightlineConfig c) {
        try {
            return AmazonTranscribeSettings.defaults(c.get(ConfigKeys.AWS_REGION))
                    .withEndpoint(blankToNull(c.get(ConfigKeys.AUDIO_TRANSCRIBE_ENDPOINT)))
                    .withLanguage(c.get(ConfigKeys.AUDIO_TRANSCRIBE_LANGUAGE))
                    .withOutput(blankToNull(c.get(ConfigKeys.AUDIO_TRANSCRIBE_OUTPUT_BUCKET)), blankToNull(c.get(ConfigKeys.AUDIO_TRANSCRIBE_OUTPUT_PREFIX)))
                    .withMaxSpeakers(c.get(ConfigKeys.AUDIO_TRANSCRIBE_MAX_SPEAKERS));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad 'audio.transcribe.*' settings: " + e.getMessage());
        }
    }

    private static CommandTranscriberSettings command(SightlineConfig c) {
        String line = c.get(ConfigKeys.AUDIO_COMMAND).strip();
        if (line.isEmpty()) {
            throw new ConfigException("'audio.transcriber' is command but 'audio.command' is empty (e.g. whisper {input} --model base.en"
                    + " --output_format json --word_timestamps True --output_dir {output_dir})");
        }
        List<String> args = Arrays.asList(line.split("\\s+"));
        try {
            return new CommandTranscriberSettings(args, c.get(ConfigKeys.AUDIO_COMMAND_LANGUAGE), c.get(ConfigKeys.AUDIO_REMOTE_TIMEOUT),
                    CommandTranscriberSettings.Output.of(c.get(ConfigKeys.AUDIO_COMMAND_OUTPUT)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad value for 'audio.command': " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
