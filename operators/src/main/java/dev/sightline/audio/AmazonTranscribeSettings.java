package dev.sightline.audio;

import java.io.Serializable;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How {@link AmazonTranscribeTranscriber} reaches Amazon Transcribe and what it asks of it.
 *
 * @param region AWS region of the service and of the recordings' bucket, e.g. {@code eu-west-1}
 * @param endpoint custom endpoint URL (a local fake in tests), or null for AWS's own
 * @param languageCode the recordings' language as Transcribe names it (e.g. {@code en-US}), or
 *     {@code auto} to let Transcribe identify it; null or blank means {@code en-US}
 * @param outputBucket bucket Transcribe writes transcripts to (read back through the object
 *     store), or null for Transcribe's own bucket (read through its temporary HTTPS URL)
 * @param outputKeyPrefix folder in the output bucket, e.g. {@code transcripts/}, or null for its root
 * @param maxSpeakers most speakers to tell apart (2 to 30), or 0 for no speaker labels
 * @param pollInitial first wait between two status requests
 * @param pollMax longest wait between two status requests
 * @param pollFactor how much each wait grows on the one before (at least 1)
 * @param timeout how long to wait for a job in all before giving up on the recording
 */
public record AmazonTranscribeSettings(
        String region,
        String endpoint,
        String languageCode,
        String outputBucket,
        String outputKeyPrefix,
        int maxSpeakers,
        Duration pollInitial,
        Duration pollMax,
        double pollFactor,
        Duration timeout) implements Serializable {

    /** The language value that asks Transcribe to identify the language itself. */
    public static final String AUTO = "auto";

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}-[A-Z]{2}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern OUTPUT_KEY = Pattern.compile("[a-zA-Z0-9\\-_.!*'()/]{1,1000}");

    public AmazonTranscribeSettings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("an AWS region is needed for Amazon Transcribe (aws.region)");
        }
        if (endpoint != null && endpoint.isBlank()) {
            endpoint = null;
        }
        if (endpoint != null && !endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new IllegalArgumentException("the Transcribe endpoint must be an http:// or https:// URL, not " + endpoint);
        }
        languageCode = languageCode == null || languageCode.isBlank() ? "en-US" : languageCode.strip();
        if (!languageCode.equals(AUTO) && !LANGUAGE.matcher(languageCode).matches()) {
            throw new IllegalArgumentException("the Transcribe language must be a code such as en-US or de-DE, or auto, not " + languageCode);
        }
        if (outputBucket != null && outputBucket.isBlank()) {
            outputBucket = null;
        }
        if (outputBucket != null && !BUCKET.matcher(outputBucket).matches()) {
            throw new IllegalArgumentException("the transcript output bucket must be a bucket name (no s3://, no key), not " + outputBucket);
        }
        if (outputKeyPrefix != null && outputKeyPrefix.isBlank()) {
            outputKeyPrefix = null;
        }
        if (outputKeyPrefix != null && outputBucket == null) {
            throw new IllegalArgumentException("a transcript output key prefix needs an output bucket");
        }
        if (outputKeyPrefix != null && (!OUTPUT_KEY.matcher(outputKeyPrefix).matches() || outputKeyPrefix.startsWith("/"))) {
            throw new IllegalArgumentException("the transcript output key prefix may hold only letters, digits and - _ . ! * ' ( ) /"
                    + " and must not start with /, not " + outputKeyPrefix);
        }
        if (maxSpeakers != 0 && (maxSpeakers < 2 || maxSpeakers > 30)) {
            throw new IllegalArgumentException("max speakers must be 0 (no speaker labels) or 2 to 30, not " + maxSpeakers);
        }
        requirePositive(pollInitial, "the first poll interval");
        requirePositive(pollMax, "the longest poll interval");
        requirePositive(timeout, "the transcription timeout");
        if (pollMax.compareTo(pollInitial) < 0) {
            throw new IllegalArgumentException("the longest poll interval (" + pollMax + ") is shorter than the first (" + pollInitial + ")");
        }
        if (!(pollFactor >= 1 && pollFactor <= 10)) {
            throw new IllegalArgumentException("the poll backoff factor must be in [1, 10], not " + pollFactor);
        }
    }

    /** US English, no speaker labels, Transcribe's own output bucket; polls every 5 s growing to 1 min, for up to 3 h. */
    public static AmazonTranscribeSettings defaults(String region) {
        return new AmazonTranscribeSettings(region, null, "en-US", null, null, 0,
                Duration.ofSeconds(5), Duration.ofMinutes(1), 1.5, Duration.ofHours(3));
    }

    /** Whether Transcribe identifies the language instead of being told it. */
    public boolean identifyLanguage() {
        return languageCode.equals(AUTO);
    }

    /** The same settings with another endpoint. */
    public AmazonTranscribeSettings withEndpoint(String otherEndpoint) {
        return new AmazonTranscribeSettings(region, otherEndpoint, languageCode, outputBucket, outputKeyPrefix, maxSpeakers,
                pollInitial, pollMax, pollFactor, timeout);
    }

    /** The same settings with speaker labels for up to {@code speakers} speakers (0: none). */
    public AmazonTranscribeSettings withMaxSpeakers(int speakers) {
        return new AmazonTranscribeSettings(region, endpoint, languageCode, outputBucket, outputKeyPrefix, speakers,
                pollInitial, pollMax, pollFactor, timeout);
    }

    /** The same settings with Transcribe writing into {@code bucket} under {@code keyPrefix} (may be null). */
    public AmazonTranscribeSettings withOutput(String bucket, String keyPrefix) {
        return new AmazonTranscribeSettings(region, endpoint, languageCode, bucket, keyPrefix, maxSpeakers,
                pollInitial, pollMax, pollFactor, timeout);
    }

    /** The same settings with another language code (or {@code auto}). */
    public AmazonTranscribeSettings withLanguage(String language) {
        return new AmazonTranscribeSettings(region, endpoint, language, outputBucket, outputKeyPrefix, maxSpeakers,
                pollInitial, pollMax, pollFactor, timeout);
    }

    /** The same settings with other polling intervals and timeout. */
    public AmazonTranscribeSettings withPolling(Duration initial, Duration max, double factor, Duration overall) {
        return new AmazonTranscribeSettings(region, endpoint, languageCode, outputBucket, outputKeyPrefix, maxSpeakers,
                initial, max, factor, overall);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, not " + duration);
        }
    }
}
