package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.cloud.MemoryObjectStore;
import dev.sightline.cloud.S3Location;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.ingest.MediaObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The Transcribe job cycle against {@link TranscribeFake}: requests, polling, replays, failures. */
class AmazonTranscribeTranscriberTest {

    private static final String URI = "s3://recordings/interviews/session 1.mp3";

    private TranscribeFake fake;
    private FakeClock clock;
    private String transcript;

    /** A clock whose sleeps only move its time on. */
    static final class FakeClock implements WaitClock {
        private Instant now = Instant.parse("2024-05-01T10:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
        }
    }

    @BeforeEach
    void start() throws Exception {
        fake = new TranscribeFake();
        clock = new FakeClock();
        transcript = new String(AwsTranscriptJsonTest.resource("aws-transcript-audio-segments.json"), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private AmazonTranscribeSettings settings() {
        return new AmazonTranscribeSettings("us-east-1", fake.endpoint(), "en-US", null, null, 0,
                Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, Duration.ofMinutes(10));
    }

    private AmazonTranscribeTranscriber transcriber(AmazonTranscribeSettings settings, MemoryObjectStore store) {
        return new AmazonTranscribeTranscriber(settings, store,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")), clock);
    }

    static MediaObject object(String uri, String version, MediaFormat format) {
        Instant t = Instant.parse("2024-05-01T09:00:00Z");
        return new MediaObject(uri, version, 123_456, t, t, "ab".repeat(32), format.mediaType(), format, null, null);
    }

    @Test
    void completedJobGivesSegmentsWithWordsSpeakersAndTimes() throws Exception {
        fake.nextJobCompletes(2, transcript);
        List<TranscriptSegment> segments;
        try (var aws = transcriber(settings().withMaxSpeakers(4), null)) {
            assertThat(aws.backend()).isEqualTo("aws-transcribe");
            assertThat(aws.language()).isEqualTo("en-US");
            segments = aws.transcribe(object(URI, "etag-1", MediaFormat.MP3));
        }

        assertThat(segments).extracting(TranscriptSegment::text).containsExactly("Hello there. How are you?", "Fine, thanks.");
        assertThat(segments).extracting(TranscriptSegment::speaker).containsExactly("spk_0", "spk_1");
        TimedWord fine = segments.get(1).words().get(0);
        assertThat(fine).isEqualTo(new TimedWord("Fine,", 2.5, 2.9, 0.87, "spk_1"));
        assertThat(segments.get(0).endSeconds()).isEqualTo(1.65);
        assertThat(fake.downloads()).isEqualTo(1);

        List<TranscribeFake.Request> starts = fake.requests("StartTranscriptionJob");
        assertThat(starts).hasSize(1);
        JsonNode start = starts.get(0).body();
        assertThat(start.path("TranscriptionJobName").asText()).matches("sightline-[0-9a-f]{16}");
        assertThat(start.path("Media").path("MediaFileUri").asText()).isEqualTo(URI);
        assertThat(start.path("MediaFormat").asText()).isEqualTo("mp3");
        assertThat(start.path("LanguageCode").asText()).isEqualTo("en-US");
        assertThat(start.has("IdentifyLanguage")).isFalse();
        assertThat(start.has("OutputBucketName")).isFalse();
        assertThat(start.path("Settings").path("ShowSpeakerLabels").asBoolean()).isTrue();
        assertThat(start.path("Settings").path("MaxSpeakerLabels").asInt()).isEqualTo(4);
        assertThat(fake.requests("GetTranscriptionJob")).extracting(r -> r.body().path("TranscriptionJobName").asText())
                .hasSize(3).containsOnly(start.path("TranscriptionJobName").asText());
    }

    @Test
    void pollsWithGrowingWaitsUpToTheLongest() throws Exception {
        fake.nextJobCompletes(5, transcript);
        try (var aws = transcriber(settings(), null)) {
            assertThat(aws.transcribe(object(URI, "etag-1", MediaFormat.WAV))).hasSize(2);
        }

        assertThat(fake.requests("GetTranscriptionJob")).hasSize(6);
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(8));
        assertThat(fake.requests("StartTranscriptionJob").get(0).body().path("MediaFormat").asText()).isEqualTo("wav");
    }

    @Test
    void replayFindsTheJobItStartedBefore() throws Exception {
        fake.nextJobCompletes(1, transcript);
        MediaObject recording = object(URI, "etag-1", MediaFormat.M4A);
        List<TranscriptSegment> first;
        List<TranscriptSegment> again;
        try (var aws = transcriber(settings(), null)) {
            first = aws.transcribe(recording);
        }
        fake.nextJobFails(0, "a second job must not be started");
        try (var replay = transcriber(settings(), null)) {
            again = replay.transcribe(recording);
        }

        assertThat(again).isEqualTo(first);
        List<TranscribeFake.Request> starts = fake.requests("StartTranscriptionJob");
        assertThat(starts).hasSize(2);
        assertThat(starts.get(1).body().path("TranscriptionJobName")).isEqualTo(starts.get(0).body().path("TranscriptionJobName"));
        assertThat(starts.get(0).body().path("MediaFormat").asText()).isEqualTo("m4a");
        // The second attempt polled the existing job: already complete, one status request.
        assertThat(fake.requests("GetTranscriptionJob")).hasSize(3);
    }

    @Test
    void aJobLeftByAnEarlierAttemptIsPolledNotStarted() throws Exception {
        MediaObject recording = object(URI, "etag-7", MediaFormat.FLAC);
        AmazonTranscribeSettings settings = settings();
        fake.existingJob(AmazonTranscribeTranscriber.jobName(recording, settings), URI, 2, transcript);
        try (var aws = transcriber(settings, null)) {
            assertThat(aws.transcribe(recording)).extracting(TranscriptSegment::text).contains("Fine, thanks.");
        }
        assertThat(fake.requests("GetTranscriptionJob")).hasSize(3);
        assertThat(clock.sleeps).hasSize(2);
    }

    @Test
    void anotherVersionOrOtherSettingsIsAnotherJob() {
        AmazonTranscribeSettings settings = settings();
        String name = AmazonTranscribeTranscriber.jobName(object(URI, "etag-1", MediaFormat.MP3), settings);
        assertThat(AmazonTranscribeTranscriber.jobName(object(URI, "etag-1", MediaFormat.MP3), settings)).isEqualTo(name);
        assertThat(AmazonTranscribeTranscriber.jobName(object(URI, "etag-2", MediaFormat.MP3), settings)).isNotEqualTo(name);
        assertThat(AmazonTranscribeTranscriber.jobName(object(URI, "etag-1", MediaFormat.MP3), settings.withMaxSpeakers(2))).isNotEqualTo(name);
        assertThat(AmazonTranscribeTranscriber.jobName(object(URI, "etag-1", MediaFormat.MP3), settings.withLanguage("de-DE"))).isNotEqualTo(name);
    }

    @Test
    void failedJobIsATranscriptionExceptionWithItsReason() {
        fake.nextJobFails(1, "The media format provided does not match the detected media format.");
        try (var aws = transcriber(settings(), null)) {
            assertThatThrownBy(() -> aws.transcribe(object(URI, "etag-1", MediaFormat.OGG)))
                    .isInstanceOf(TranscriptionException.class)
                    .hasMessageContaining("failed on " + URI)
                    .hasMessageContaining("does not match the detected media format")
                    .hasMessageContaining("sightline-");
        }
        assertThat(fake.downloads()).isZero();
    }

    @Test
    void jobNotDoneWithinTheTimeoutIsATranscriptionException() {
        fake.nextJobCompletes(1_000, transcript);
        AmazonTranscribeSettings settings = settings().withPolling(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, Duration.ofSeconds(10));
        try (var aws = transcriber(settings, null)) {
            assertThatThrownBy(() -> aws.transcribe(object(URI, "etag-1", MediaFormat.MP3)))
                    .isInstanceOf(TranscriptionException.class)
                    .hasMessageContaining("still IN_PROGRESS")
                    .hasMessageContaining("timeout of PT10S");
        }
        // Waits of 1, 2 and 4 s, then only the 3 s left, a last look at the timeout, and no more.
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(3));
        assertThat(fake.requests("GetTranscriptionJob")).hasSize(5);
    }

    @Test
    void formatsTranscribeDoesNotTakeAreRejectedBeforeAnyRequest() {
        try (var aws = transcriber(settings(), null)) {
            assertThatThrownBy(() -> aws.transcribe(object("s3://recordings/clip.avi", "e", MediaFormat.AVI)))
                    .isInstanceOf(TranscriptionException.class)
                    .hasMessageContaining("does not take avi")
                    .hasMessageContaining("clip.avi");
            assertThatThrownBy(() -> aws.transcribe(object("s3://recordings/clip.aac", "e", MediaFormat.AAC)))
                    .isInstanceOf(TranscriptionException.class).hasMessageContaining("aac");
        }
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void recordingsOutsideS3AreRejectedClearly() {
        try (var aws = transcriber(settings(), null)) {
            assertThatThrownBy(() -> aws.transcribe(object("file:///data/interview.wav", "2024-05-01T09:00:00Z", MediaFormat.WAV)))
                    .isInstanceOf(TranscriptionException.class)
                    .hasMessageContaining("file:///data/interview.wav")
                    .hasMessageContaining("not an s3:// URI");
        }
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void badRequestIsATranscriptionException() {
        // No job planned: the fake answers StartTranscriptionJob with BadRequestException.
        try (var aws = transcriber(settings(), null)) {
            assertThatThrownBy(() -> aws.transcribe(object(URI, "etag-1", MediaFormat.MP3)))
                    .isInstanceOf(TranscriptionException.class)
                    .hasMessageContaining("refused")
                    .hasMessageContaining("BadRequestException");
        }
    }

    @Test
    void identifiedLanguageAsksForIdentification() throws Exception {
        fake.nextJobCompletes(0, transcript);
        try (var aws = transcriber(settings().withLanguage("auto"), null)) {
            assertThat(aws.language()).isEqualTo("und");
            aws.transcribe(object(URI, "etag-1", MediaFormat.WEBM));
        }
        JsonNode start = fake.requests("StartTranscriptionJob").get(0).body();
        assertThat(start.path("IdentifyLanguage").asBoolean()).isTrue();
        assertThat(start.has("LanguageCode")).isFalse();
        assertThat(start.has("Settings")).isFalse();
        assertThat(start.path("MediaFormat").asText()).isEqualTo("webm");
    }

    @Test
    void transcriptInTheOutputBucketIsReadThroughTheStore() throws Exception {
        MediaObject recording = object(URI, "etag-1", MediaFormat.MP4);
        AmazonTranscribeSettings settings = settings().withOutput("sightline-transcripts", "jobs/aws");
        String job = AmazonTranscribeTranscriber.jobName(recording, settings);
        MemoryObjectStore store = new MemoryObjectStore();
        store.put("s3://sightline-transcripts/jobs/aws/" + job + ".json", transcript.getBytes(StandardCharsets.UTF_8), "application/json");
        fake.nextJobCompletes(0, transcript);
        fake.transcriptUri(name -> "https://s3.us-east-1.amazonaws.com/sightline-transcripts/jobs/aws/" + name + ".json");
        try (var aws = transcriber(settings, store)) {
            assertThat(aws.transcribe(recording)).hasSize(2);
        }

        JsonNode start = fake.requests("StartTranscriptionJob").get(0).body();
        assertThat(start.path("OutputBucketName").asText()).isEqualTo("sightline-transcripts");
        assertThat(start.path("OutputKey").asText()).isEqualTo("jobs/aws/" + job + ".json");
        assertThat(start.path("MediaFormat").asText()).isEqualTo("mp4");
        assertThat(store.reads()).containsExactly("s3://sightline-transcripts/jobs/aws/" + job + ".json");
        assertThat(fake.downloads()).isZero();
    }

    @Test
    void transcriptUrisOfTheOutputBucketInEveryStyle() throws Exception {
        assertThat(AmazonTranscribeTranscriber.outputLocation("https://s3.eu-west-1.amazonaws.com/out/a/j.json", "out", "j"))
                .isEqualTo(new S3Location("out", "a/j.json"));
        assertThat(AmazonTranscribeTranscriber.outputLocation("https://out.s3.eu-west-1.amazonaws.com/a/j.json", "out", "j"))
                .isEqualTo(new S3Location("out", "a/j.json"));
        assertThat(AmazonTranscribeTranscriber.outputLocation("s3://out/j.json", "out", "j")).isEqualTo(new S3Location("out", "j.json"));
        assertThatThrownBy(() -> AmazonTranscribeTranscriber.outputLocation("https://s3.eu-west-1.amazonaws.com/other/j.json", "out", "j"))
                .isInstanceOf(TranscriptionException.class).hasMessageContaining("not into the output bucket out");
    }

    @Test
    void anOutputBucketNeedsAStore() {
        assertThatThrownBy(() -> transcriber(settings().withOutput("sightline-transcripts", null), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object store");
    }
}
