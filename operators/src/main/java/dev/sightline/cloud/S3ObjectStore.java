package dev.sightline.cloud;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An {@link ObjectStore} over Amazon S3 or an S3-compatible store ({@code s3://bucket/key} URIs),
 * with the AWS SDK v2. Listing is paginated; reads are ranged GETs streamed from the connection,
 * never buffered whole; an object's version is its ETag (content identity, the same from a
 * listing, a HEAD and an event notification). Throttling and 5xx are retried by the client;
 * 403 and 404 become clear errors; what still fails for the connection's or the server's sake
 * (resets, time-outs, 5xx, throttling) is a {@link StoreUnavailableException}, also mid-body.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client client;
    private final int pageSize;

    public S3ObjectStore(S3Client client) {
        this(client, 1000);
    }

    /** @param pageSize keys per listing page (S3's maximum is 1000) */
    public S3ObjectStore(S3Client client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    @Override
    public List<ObjectMetadata> list(String prefixUri) throws IOException {
        S3Location prefix = S3Location.parse(prefixUri);
        List<ObjectMetadata> result = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(prefix.bucket()).prefix(prefix.key()).maxKeys(pageSize).build();
            for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
                result.add(new ObjectMetadata(new S3Location(prefix.bucket(), object.key()).uri(), etag(object.eTag()),
                        object.size(), object.lastModified()));
            }
        } catch (SdkException e) {
            throw failure("list", prefixUri, e);
        }
        result.sort(Comparator.comparing(ObjectMetadata::uri));
        return result;
    }

    @Override
    public ObjectMetadata head(String uri) throws IOException {
        S3Location location = S3Location.parse(uri);
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(location.bucket()).key(location.key()));
            return new ObjectMetadata(uri, etag(head.eTag()), head.contentLength(), head.lastModified());
        } catch (SdkException e) {
            throw failure("head", uri, e);
        }
    }

    @Override
    public InputStream open(String uri, long offset, long length) throws IOException {
        S3Location location = S3Location.parse(uri);
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(location.bucket()).key(location.key());
        if (offset > 0 || length > 0) {
            request.range("bytes=" + offset + "-" + (length > 0 ? Long.toString(offset + length - 1) : ""));
        }
        try {
            return new Body(client.getObject(request.build()), uri);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return InputStream.nullInputStream(); // range starts at or past the end
            }
            throw failure("read", uri, e);
        } catch (SdkException e) {
            throw failure("read", uri, e);
        }
    }

    @Override
    public ObjectMetadata put(String uri, byte[] content, String contentType) throws IOException {
        S3Location location = S3Location.parse(uri);
        try {
            PutObjectResponse response = client.putObject(b -> b.bucket(location.bucket()).key(location.key()).contentType(contentType),
                    RequestBody.fromBytes(content));
            return new ObjectMetadata(uri, etag(response.eTag()), content.length, java.time.Instant.now());
        } catch (SdkException e) {
            throw failure("write", uri, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * A GET's body that, closed before its end, aborts the request: closing the SDK's stream as it
     * is would make the HTTP client read the rest of the object first (a decoder that seeks or
     * stops early would download the object again and again).
     */
    private static final class Body extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private final String uri;
        private long read;
        private boolean ended;

        Body(ResponseInputStream<GetObjectResponse> response, String uri) {
            super(response);
            this.response = response;
            this.uri = uri;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException | SdkException e) {
                throw broken(e);
            }
            ended |= b < 0;
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException | SdkException e) {
                throw broken(e);
            }
            ended |= n < 0;
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                long skipped = super.skip(n);
                read += skipped;
                return skipped;
            } catch (IOException | SdkException e) {
                throw broken(e);
            }
        }

        /** A body that stops mid-way is the connection's fault, not the object's. */
        private StoreUnavailableException broken(Exception e) {
            return new StoreUnavailableException("the S3 connection broke while reading " + uri + " after " + read + " bytes: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }

        @Override
        public void close() throws IOException {
            if (ended) {
                super.close();
                return;
            }
            response.abort();
            try {
                super.close();
            } catch (IOException | RuntimeException e) {
                // the connection was aborted on purpose
            }
        }
    }

    /** ETags without their quotes, as S3 event notifications give them. */
    static String etag(String quoted) {
        if (quoted == null) {
            return "";
        }
        boolean quotedValue = quoted.length() >= 2 && quoted.charAt(0) == '"' && quoted.charAt(quoted.length() - 1) == '"';
        return quotedValue ? quoted.substring(1, quoted.length() - 1) : quoted;
    }

    private static String errorCode(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null ? "" : code;
    }

    private static IOException failure(String action, String uri, SdkException e) {
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            if (status == 404) {
                return new ObjectNotFoundException(uri);
            }
            if (status == 403) {
                return new IOException("access denied to " + action + " " + uri + " (check the bucket policy and the role's s3:"
                        + (action.equals("write") ? "PutObject" : action.equals("list") ? "ListBucket" : "GetObject")
                        + " permission; HTTP 403 " + errorCode(s3) + ")", e);
            }
            String message = "S3 could not " + action + " " + uri + ": HTTP " + status + " " + errorCode(s3);
            return status >= 500 || status == 429 ? new StoreUnavailableException(message + " (after the client's retries)", e)
                    : new IOException(message, e);
        }
        // no answer from the service at all: connection refused or reset, time-out, a broken body
        return new StoreUnavailableException("S3 could not " + action + " " + uri + ": " + e.getMessage(), e);
    }
}
