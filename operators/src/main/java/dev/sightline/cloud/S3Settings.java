package dev.sightline.cloud;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * How to reach S3 and SQS: region, optional endpoint for S3-compatible stores and local servers,
 * path-style access, and credentials (the default provider chain, which finds IRSA web identity on
 * EKS, unless an access key is given). Serializable, so operators build their clients in open().
 *
 * @param region AWS region, e.g. {@code eu-west-1}
 * @param endpoint custom endpoint URL, or null for AWS's own
 * @param pathStyle address buckets as {@code endpoint/bucket} (MinIO, S3Proxy) instead of a host name
 * @param accessKey static access key, or null for the default credentials chain
 * @param secretKey the static secret key (with {@code accessKey})
 * @param maxAttempts attempts per request, retries with backoff on throttling and 5xx
 */
public record S3Settings(String region, String endpoint, boolean pathStyle, String accessKey, String secretKey, int maxAttempts)
        implements Serializable {

    public S3Settings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("an AWS region is needed (aws.region)");
        }
        if (endpoint != null && endpoint.isBlank()) {
            endpoint = null;
        }
        if (endpoint != null && !endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new IllegalArgumentException("endpoint must be an http:// or https:// URL, not " + endpoint);
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("give both an access key and a secret key, or neither (default credentials chain)");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, not " + maxAttempts);
        }
    }

    /** An S3 client for these settings. */
    public S3Client s3() {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64).connectionTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(overrides())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** An SQS client for these settings (SQS never uses path style). */
    public SqsClient sqs() {
        var builder = SqsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(overrides());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** The same settings with another endpoint (e.g. SQS on another port than S3 in tests). */
    public S3Settings withEndpoint(String otherEndpoint) {
        return new S3Settings(region, otherEndpoint, pathStyle, accessKey, secretKey, maxAttempts);
    }

    private ClientOverrideConfiguration overrides() {
        // Standard retry mode: exponential backoff with jitter on throttling, 5xx and I/O errors.
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build())
                .build();
    }

    private AwsCredentialsProvider credentials() {
        return accessKey == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }
}
