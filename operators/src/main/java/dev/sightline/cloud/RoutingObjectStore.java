package dev.sightline.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One {@link ObjectStore} for every URI the job meets: {@code file:} URIs go to the local file
 * system, {@code s3://} URIs to S3 (created on first use, so the embedded mode needs no AWS
 * settings). Other schemes are a clear error.
 */
public final class RoutingObjectStore implements ObjectStore {

    private final LocalObjectStore local = new LocalObjectStore();
    private final S3Settings s3Settings;
    private S3ObjectStore s3;

    /** @param s3Settings how to reach S3, or null when only local files are expected */
    public RoutingObjectStore(S3Settings s3Settings) {
        this.s3Settings = s3Settings;
    }

    /** A factory for task managers. */
    public static ObjectStoreFactory factory(S3Settings s3Settings) {
        return () -> new RoutingObjectStore(s3Settings);
    }

    private ObjectStore storeFor(String uri) {
        if (uri != null && uri.startsWith("file:")) {
            return local;
        }
        if (S3Location.isS3(uri)) {
            if (s3Settings == null) {
                throw new IllegalArgumentException("cannot read " + uri + ": no S3 settings (aws.region, aws.endpoint) are configured");
            }
            if (s3 == null) {
                s3 = new S3ObjectStore(s3Settings.s3());
            }
            return s3;
        }
        throw new IllegalArgumentException("unsupported URI scheme (file: and s3:// are): " + uri);
    }

    @Override
    public List<ObjectMetadata> list(String prefixUri) throws IOException {
        return storeFor(prefixUri).list(prefixUri);
    }

    @Override
    public ObjectMetadata head(String uri) throws IOException {
        return storeFor(uri).head(uri);
    }

    @Override
    public InputStream open(String uri, long offset, long length) throws IOException {
        return storeFor(uri).open(uri, offset, length);
    }

    @Override
    public ObjectMetadata put(String uri, byte[] content, String contentType) throws IOException {
        return storeFor(uri).put(uri, content, contentType);
    }

    @Override
    public void close() throws IOException {
        if (s3 != null) {
            s3.close();
        }
    }
}
