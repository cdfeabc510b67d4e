package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Validation and serialisation of the Amazon Transcribe settings. */
class AmazonTranscribeSettingsTest {

    private static final Duration S = Duration.ofSeconds(1);

    private static AmazonTranscribeSettings settings(String language, String bucket, String prefix, int speakers) {
        return new AmazonTranscribeSettings("eu-west-1", null, language, bucket, prefix, speakers, S, S.multipliedBy(30), 1.5, Duration.ofHours(1));
    }

    @Test
    void defaultsAreUsEnglishWithoutSpeakersOrOutputBucket() {
        AmazonTranscribeSettings defaults = AmazonTranscribeSettings.defaults("eu-west-1");
        assertThat(defaults.languageCode()).isEqualTo("en-US");
        assertThat(defaults.identifyLanguage()).isFalse();
        assertThat(defaults.outputBucket()).isNull();
        assertThat(defaults.maxSpeakers()).isZero();
        assertThat(settings(null, "", " ", 0).languageCode()).isEqualTo("en-US");
        assertThat(settings("auto", null, null, 0).identifyLanguage()).isTrue();
    }

    @Test
    void badValuesAreRejectedWithWhatIsWrong() {
        assertThatThrownBy(() -> new AmazonTranscribeSettings(" ", null, null, null, null, 0, S, S, 1, S))
                .hasMessageContaining("region");
        assertThatThrownBy(() -> new AmazonTranscribeSettings("eu-west-1", "localhost:4566", null, null, null, 0, S, S, 1, S))
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> settings("english", null, null, 0)).hasMessageContaining("en-US").hasMessageContaining("english");
        assertThatThrownBy(() -> settings(null, "s3://bucket/key", null, 0)).hasMessageContaining("bucket name");
        assertThatThrownBy(() -> settings(null, null, "out/", 0)).hasMessageContaining("needs an output bucket");
        assertThatThrownBy(() -> settings(null, "out", "a b/", 0)).hasMessageContaining("a b/");
        assertThatThrownBy(() -> settings(null, null, null, 1)).hasMessageContaining("2 to 30");
        assertThatThrownBy(() -> settings(null, null, null, 31)).hasMessageContaining("2 to 30");
        assertThatThrownBy(() -> new AmazonTranscribeSettings("eu-west-1", null, null, null, null, 0, S.multipliedBy(2), S, 2, S))
                .hasMessageContaining("shorter than the first");
        assertThatThrownBy(() -> new AmazonTranscribeSettings("eu-west-1", null, null, null, null, 0, S, S, 0.5, S))
                .hasMessageContaining("factor");
        assertThatThrownBy(() -> new AmazonTranscribeSettings("eu-west-1", null, null, null, null, 0, S, S, 2, Duration.ZERO))
                .hasMessageContaining("timeout");
    }

    @Test
    void survivesJavaSerialisationAsFlinkShipsIt() throws Exception {
        AmazonTranscribeSettings settings = settings("de-DE", "out", "transcripts/", 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(settings);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(settings);
        }
    }
}
