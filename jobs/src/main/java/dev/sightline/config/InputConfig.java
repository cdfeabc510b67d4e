package dev.sightline.config;

import dev.sightline.cloud.S3Settings;
import dev.sightline.ingest.sqs.SqsSourceSettings;
import java.time.Duration;

/** Builds the AWS and SQS input settings from the configuration's {@code aws.*} and {@code input.*} keys. */
public final class InputConfig {

    private InputConfig() {}

    /** How to reach S3 and SQS. */
    public static S3Settings aws(SightlineConfig c) {
        String accessKey = c.get(ConfigKeys.AWS_ACCESS_KEY);
        String secretKey = c.get(ConfigKeys.AWS_SECRET_KEY);
        if (accessKey.isEmpty() != secretKey.isEmpty()) {
            throw new ConfigException("set both 'aws.access-key' and 'aws.secret-key', or neither (AWS's default credentials chain)");
        }
        String endpoint = c.get(ConfigKeys.AWS_ENDPOINT);
        return new S3Settings(c.get(ConfigKeys.AWS_REGION), endpoint.isEmpty() ? null : endpoint, c.get(ConfigKeys.AWS_PATH_STYLE),
                accessKey.isEmpty() ? null : accessKey, secretKey.isEmpty() ? null : secretKey, 5);
    }

    /** The SQS source's settings; {@code stopWhenIdle} null for a job that runs until stopped. */
    public static SqsSourceSettings sqs(SightlineConfig c, Duration stopWhenIdle) {
        String queueUrl = c.get(ConfigKeys.INPUT_QUEUE_URL);
        if (queueUrl.isEmpty()) {
            throw new ConfigException("'input.kind: sqs' needs 'input.queue-url' (the queue that receives the bucket's notifications)");
        }
        String sqsEndpoint = c.get(ConfigKeys.AWS_SQS_ENDPOINT);
        S3Settings aws = sqsEndpoint.isEmpty() ? aws(c) : aws(c).withEndpoint(sqsEndpoint);
        return new SqsSourceSettings(queueUrl, aws, c.get(ConfigKeys.INPUT_SQS_WAIT), 10, c.get(ConfigKeys.INPUT_SQS_VISIBILITY),
                c.get(ConfigKeys.INPUT_SQS_MAX_RECEIVES), Duration.ofSeconds(30), stopWhenIdle);
    }
}
