package dev.sightline.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads and writes objects in a bucket-like store, whichever cloud or disk holds them. */
public interface ObjectStore extends AutoCloseable {

    /** Every object whose URI starts with {@code prefixUri}, in lexicographic order of URI. */
    List<ObjectMetadata> list(String prefixUri) throws IOException;

    /** The metadata of one object; {@link ObjectNotFoundException} if there is none. */
    ObjectMetadata head(String uri) throws IOException;

    /**
     * Opens a stream over the bytes {@code [offset, offset + length)} of an object; a negative
     * length reads to the end. The caller closes the stream.
     */
    InputStream open(String uri, long offset, long length) throws IOException;

    /** Opens a stream over a whole object. */
    default InputStream open(String uri) throws IOException {
        return open(uri, 0, -1);
    }

    /** Writes (or replaces) an object with the given bytes and returns its new metadata. */
    ObjectMetadata put(String uri, byte[] content, String contentType) throws IOException;

    @Override
    default void close() throws IOException {}
}
