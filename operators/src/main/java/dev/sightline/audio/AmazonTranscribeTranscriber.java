package dev.sightline.audio;

import dev.sightline.cloud.ObjectNotFoundException;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.S3Location;
import dev.sightline.ingest.MediaFormat;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.StableId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.transcribe.TranscribeClient;
import software.amazon.awssdk.services.transcribe.model.BadRequestException;
import software.amazon.awssdk.services.transcribe.model.ConflictException;
import software.amazon.awssdk.services.transcribe.model.StartTranscriptionJobRequest;
import software.amazon.awssdk.services.transcribe.model.TranscriptionJob;
import software.amazon.awssdk.services.transcribe.model.TranscriptionJobStatus;

/**
 * Transcribes recordings in S3 with Amazon Transcribe batch jobs: starts a job on the object,
 * polls it with growing waits until it completes, then reads and parses its transcript JSON.
 *
 * <p>The job's name is {@code sightline-} and a {@link StableId} of the object's URI and version
 * and of the settings that shape the job, so a replay after a failure asks for the same job:
 * Transcribe answers with a conflict and the existing job is polled (or read, when it is done)
 * instead of paying for a second one. A job that failed stays failed for that object version.
 *
 * <p>Rejections (a format Transcribe does not take, an object not in S3, a bad request, a failed
 * job, a job not done within the timeout) are {@link TranscriptionException}s; network and
 * service trouble (throttling after the SDK's retries, 5xx, an expired download URL) are
 * {@link IOException}s, to be retried.
 */
public final class AmazonTranscribeTranscriber implements RecordingTranscriber {

    private static final Logger LOG = LoggerFactory.getLogger(AmazonTranscribeTranscriber.class);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(2);

    private final AmazonTranscribeSettings settings;
    private final ObjectStore outputStore;
    private final WaitClock clock;
    private final TranscribeClient client;
    private final HttpClient http;
    private final AwsTranscriptJson transcripts = new AwsTranscriptJson();

    /**
     * A transcriber with the default credentials chain.
     *
     * @param outputStore reads transcripts from the output bucket (stays the caller's to close);
     *     may be null when the settings name none
     */
    public AmazonTranscribeTranscriber(AmazonTranscribeSettings settings, ObjectStore outputStore) {
        this(settings, outputStore, DefaultCredentialsProvider.builder().build(), WaitClock.system());
    }

    /** A transcriber with the given credentials and clock (tests: static credentials, a clock that does not wait). */
    public AmazonTranscribeTranscriber(AmazonTranscribeSettings settings, ObjectStore outputStore,
            AwsCredentialsProvider credentials, WaitClock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (settings.outputBucket() != null && outputStore == null) {
            throw new IllegalArgumentException("an object store is needed to read transcripts from s3://" + settings.outputBucket());
        }
        this.outputStore = outputStore;
        this.clock = Objects.requireNonNull(clock, "clock");
        var builder = TranscribeClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(Objects.requireNonNull(credentials, "credentials"))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)));
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.client = builder.build();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public String backend() {
        return TranscriberKind.AWS_TRANSCRIBE.label();
    }

    /** The configured language code, or {@code und} (undetermined) when Transcribe identifies it. */
    @Override
    public String language() {
        return settings.identifyLanguage() ? "und" : settings.languageCode();
    }

    @Override
    public List<TranscriptSegment> transcribe(MediaObject object) throws Exception {
        String uri = object.uri();
        if (!S3Location.isS3(uri)) {
            throw new TranscriptionException("Amazon Transcribe reads recordings from S3 only, and " + uri
                    + " is not an s3:// URI (use the command or sphinx4 backend for other stores)");
        }
        if (object.errorClass() != null) {
            throw new TranscriptionException("cannot transcribe " + uri + ": it could not be read ("
                    + object.errorClass() + ": " + object.error() + ")");
        }
        String format = mediaFormat(object.format());
        if (format == null) {
            throw new TranscriptionException("Amazon Transcribe does not take " + (object.format() == null ? "unknown" : object.format().label())
                    + " recordings (" + object.fileName() + "); it takes mp3, mp4, mov, m4a, wav, flac, ogg and webm");
        }
        String job = jobName(object, settings);
        start(job, uri, format);
        TranscriptionJob done = awaitCompletion(job, uri);
        byte[] json = download(done, job);
        try {
            List<TranscriptSegment> segments = transcripts.segments(json);
            LOG.info("Amazon Transcribe job {} for {}: {} segments", job, uri, segments.size());
            return segments;
        } catch (TranscriptionException e) {
            throw new TranscriptionException("the transcript of Amazon Transcribe job " + job + " for " + uri + " is unreadable: "
                    + e.getMessage(), e);
        }
    }

    /** Transcribe's media format for a recording's format, or null when Transcribe does not take it. */
    static String mediaFormat(MediaFormat format) {
        if (format == null) {
            return null;
        }
        return switch (format) {
            case MP3 -> "mp3";
            case MP4, MOV -> "mp4";
            case M4A -> "m4a";
            case WAV -> "wav";
            case FLAC -> "flac";
            case OGG -> "ogg";
            case WEBM -> "webm";
            default -> null;
        };
    }

    /** The job of an object version under these settings: the same on every replay. */
    static String jobName(MediaObject object, AmazonTranscribeSettings settings) {
        return "sightline-" + StableId.of(object.uri(), Objects.toString(object.version(), ""), settings.languageCode(),
                Integer.toString(settings.maxSpeakers()), Objects.toString(settings.outputBucket(), ""),
                Objects.toString(settings.outputKeyPrefix(), ""));
    }

    private void start(String job, String uri, String format) throws TranscriptionException, IOException {
        StartTranscriptionJobRequest.Builder request = StartTranscriptionJobRequest.builder()
                .transcriptionJobName(job)
                .media(m -> m.mediaFileUri(uri))
                .mediaFormat(format);
        if (settings.identifyLanguage()) {
            request.identifyLanguage(true);
        } else {
            request.languageCode(settings.languageCode());
        }
        if (settings.outputBucket() != null) {
            request.outputBucketName(settings.outputBucket());
            if (settings.outputKeyPrefix() != null) {
                String prefix = settings.outputKeyPrefix();
                request.outputKey((prefix.endsWith("/") ? prefix : prefix + "/") + job + ".json");
            }
        }
        if (settings.maxSpeakers() > 0) {
            request.settings(s -> s.showSpeakerLabels(true).maxSpeakerLabels(settings.maxSpeakers()));
        }
        try {
            client.startTranscriptionJob(request.build());
            LOG.info("started Amazon Transcribe job {} for {}", job, uri);
        } catch (ConflictException e) {
            LOG.info("Amazon Transcribe job {} for {} exists already (a replay); polling it", job, uri);
        } catch (BadRequestException e) {
            throw new TranscriptionException("Amazon Transcribe refused job " + job + " for " + uri + ": " + message(e), e);
        } catch (SdkException e) {
            throw new IOException("could not start Amazon Transcribe job " + job + " for " + uri + ": " + message(e), e);
        }
    }

    private TranscriptionJob awaitCompletion(String job, String uri) throws Exception {
        Instant started = clock.now();
        Duration wait = settings.pollInitial();
        while (true) {
            TranscriptionJob status = status(job, uri);
            String media = status.media() == null ? null : status.media().mediaFileUri();
            if (media != null && !media.equals(uri)) {
                throw new TranscriptionException("Amazon Transcribe job " + job + " transcribes " + media + ", not " + uri);
            }
            TranscriptionJobStatus state = status.transcriptionJobStatus();
            if (state == TranscriptionJobStatus.COMPLETED) {
                return status;
            }
            if (state == TranscriptionJobStatus.FAILED) {
                throw new TranscriptionException("Amazon Transcribe job " + job + " failed on " + uri + ": "
                        + Objects.requireNonNullElse(status.failureReason(), "no reason given"));
            }
            Duration remaining = settings.timeout().minus(Duration.between(started, clock.now()));
            if (remaining.isNegative() || remaining.isZero()) {
                throw new TranscriptionException("Amazon Transcribe job " + job + " for " + uri + " was still "
                        + status.transcriptionJobStatusAsString()
                        + " after the timeout of " + settings.timeout() + " (it goes on in AWS; a replay polls it again)");
            }
            clock.sleep(wait.compareTo(remaining) < 0 ? wait : remaining);
            wait = grow(wait);
        }
    }

    private Duration grow(Duration wait) {
        double next = wait.toMillis() * settings.pollFactor();
        return next >= settings.pollMax().toMillis() ? settings.pollMax() : Duration.ofMillis(Math.round(next));
    }

    private TranscriptionJob status(String job, String uri) throws TranscriptionException, IOException {
        try {
            return client.getTranscriptionJob(r -> r.transcriptionJobName(job)).transcriptionJob();
        } catch (BadRequestException e) {
            throw new TranscriptionException("Amazon Transcribe has no job " + job + " for " + uri + " (deleted?): " + message(e), e);
        } catch (SdkException e) {
            throw new IOException("could not ask Amazon Transcribe about job " + job + " for " + uri + ": " + message(e), e);
        }
    }

    private byte[] download(TranscriptionJob job, String name) throws TranscriptionException, IOException, InterruptedException {
        String location = job.transcript() == null ? null : job.transcript().transcriptFileUri();
        if (location == null || location.isBlank()) {
            throw new TranscriptionException("Amazon Transcribe job " + name + " completed without a transcript file URI");
        }
        if (settings.outputBucket() != null) {
            S3Location object = outputLocation(location, settings.outputBucket(), name);
            try (InputStream in = outputStore.open(object.uri())) {
                return in.readAllBytes();
            } catch (ObjectNotFoundException e) {
                throw new TranscriptionException("the transcript of Amazon Transcribe job " + name + " is missing from " + object.uri(), e);
            }
        }
        // Transcribe's own bucket: a presigned HTTPS URL, valid for 15 minutes. Its query is a
        // signature, so messages name the URL without it.
        URI url = URI.create(location);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(DOWNLOAD_TIMEOUT).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("could not download the transcript of Amazon Transcribe job " + name + " from "
                    + withoutQuery(url) + ": HTTP " + response.statusCode() + " (its URL lasts 15 minutes; a retry asks for a new one)");
        }
        return response.body();
    }

    /**
     * The object a transcript file URI names in the output bucket: {@code s3://bucket/key},
     * path-style {@code https://s3.region.amazonaws.com/bucket/key} or virtual-hosted
     * {@code https://bucket.s3.region.amazonaws.com/key}.
     */
    static S3Location outputLocation(String location, String bucket, String job) throws TranscriptionException {
        if (S3Location.isS3(location)) {
            S3Location parsed = S3Location.parse(location);
            if (parsed.bucket().equals(bucket) && !parsed.key().isEmpty()) {
                return parsed;
            }
        } else {
            URI url;
            try {
                url = URI.create(location);
            } catch (IllegalArgumentException e) {
                throw new TranscriptionException("Amazon Transcribe job " + job + " gave a transcript URI that is not a URI: " + location, e);
            }
            String host = url.getHost() == null ? "" : url.getHost();
            String path = url.getPath() == null ? "" : url.getPath();
            if (host.startsWith(bucket + ".s3") && path.length() > 1) {
                return new S3Location(bucket, path.substring(1));
            }
            if (path.startsWith("/" + bucket + "/") && path.length() > bucket.length() + 2) {
                return new S3Location(bucket, path.substring(bucket.length() + 2));
            }
        }
        throw new TranscriptionException("Amazon Transcribe job " + job + " wrote its transcript to " + location
                + ", not into the output bucket " + bucket);
    }

    private static String withoutQuery(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
    }

    private static String message(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String text = service.awsErrorDetails().errorMessage();
            return (code == null ? "" : code + ": ") + (text == null ? "" : text) + " (HTTP " + service.statusCode() + ")";
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        client.close();
    }
}
