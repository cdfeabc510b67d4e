package dev.sightline.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** S3 event notification bodies exactly as S3 sends them to SQS, for benchmarks and tests against loopback servers. */
public final class S3Notifications {

    private S3Notifications() {}

    /** An {@code ObjectCreated:Put} record of one object: key form-encoded with slashes kept, as S3 writes it. */
    public static String created(String bucket, String key, String etag, long size) {
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2026-11-23T10:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"s3SchemaVersion\":\"1.0\","
                + "\"bucket\":{\"name\":\"" + bucket + "\",\"arn\":\"arn:aws:s3:::" + bucket + "\"},\"object\":{\"key\":\"" + encoded
                + "\",\"size\":" + size + ",\"eTag\":\"" + etag + "\",\"sequencer\":\"0055AED6DCD90281E5\"}}}]}";
    }
}
