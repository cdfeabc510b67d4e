package dev.sightline.audio;

import java.io.Serializable;
import java.time.Duration;

/**
 * Audio analysis parameters.
 *
 * @param transcriber the backend that transcribes
 * @param sphinx Sphinx4's search settings (backend sphinx4)
 * @param voice how recordings are cut into utterances at silences (backend sphinx4)
 * @param amazon Amazon Transcribe's settings (backend aws-transcribe), else null
 * @param command the command's settings (backend command), else null
 * @param language keyword and topic settings
 * @param videoSound whether the sound tracks of videos are transcribed too
 * @param remoteConcurrency recordings a task has with a remote backend at once
 * @param remoteTimeout how long a remote backend may take for one recording
 */
public record AudioSettings(TranscriberKind transcriber, SphinxTranscriber.Settings sphinx, VoiceActivitySplitter.Settings voice,
        AmazonTranscribeSettings amazon, CommandTranscriberSettings command, LanguageSettings language, boolean videoSound,
        int remoteConcurrency, Duration remoteTimeout) implements Serializable {

    /** Sphinx4 with its defaults, sound tracks of videos included. */
    public static AudioSettings defaults() {
        return new AudioSettings(TranscriberKind.SPHINX4, SphinxTranscriber.Settings.defaults(), VoiceActivitySplitter.Settings.defaults(),
                null, null, LanguageSettings.defaults(), true, 4, Duration.ofHours(2));
    }

    public AudioSettings {
        if (transcriber == TranscriberKind.AWS_TRANSCRIBE && amazon == null) {
            throw new IllegalArgumentException("the aws-transcribe backend needs its settings");
        }
        if (transcriber == TranscriberKind.COMMAND && command == null) {
            throw new IllegalArgumentException("the command backend needs its settings");
        }
        if (remoteConcurrency < 1) {
            throw new IllegalArgumentException("remote concurrency must be at least 1, got " + remoteConcurrency);
        }
        if (remoteTimeout.isNegative() || remoteTimeout.isZero()) {
            throw new IllegalArgumentException("remote timeout must be positive, got " + remoteTimeout);
        }
    }

    /** Whether recordings are decoded and transcribed here, utterance by utterance. */
    public boolean inProcess() {
        return transcriber == TranscriberKind.SPHINX4;
    }
}
