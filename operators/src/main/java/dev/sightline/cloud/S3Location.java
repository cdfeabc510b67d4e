package dev.sightline.cloud;

/**
 * A bucket and key named by an {@code s3://bucket/key} URI. The key is kept as S3 stores it
 * (spaces, plus signs and unicode as they are, not percent-encoded), as the AWS CLI writes it.
 *
 * @param bucket the bucket name
 * @param key the object key or key prefix (may be empty)
 */
public record S3Location(String bucket, String key) {

    private static final String SCHEME = "s3://";

    /** Parses {@code s3://bucket/key}; a clear error for anything else. */
    public static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("not an s3:// URI: " + uri);
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + uri);
        }
        return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    /** Whether {@code uri} is an {@code s3://} URI. */
    public static boolean isS3(String uri) {
        return uri != null && uri.startsWith(SCHEME);
    }

    /** The URI of this location. */
    public String uri() {
        return SCHEME + bucket + "/" + key;
    }
}
