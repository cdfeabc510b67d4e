package dev.sightline.cloud;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store in front of another whose reads break like S3 connections during an outage: the first
 * stream opened throws {@link StoreUnavailableException} once it has given {@code breakAfter}
 * bytes, the next {@code breaks - 1} streams at their first read; later streams read normally.
 * It records where each stream opened (0 breaks: a store that only counts its ranged reads).
 */
public final class BrokenConnectionStore implements ObjectStore {

    private final ObjectStore store;
    private final long breakAfter;
    private final AtomicInteger breaksLeft;
    private final List<Long> opens = new java.util.concurrent.CopyOnWriteArrayList<>();

    public BrokenConnectionStore(ObjectStore store, long breakAfter, int breaks) {
        this.store = store;
        this.breakAfter = breakAfter;
        this.breaksLeft = new AtomicInteger(breaks);
    }

    /** The offsets of the streams opened so far, in order. */
    public List<Long> opens() {
        return List.copyOf(opens);
    }

    @Override
    public List<ObjectMetadata> list(String prefixUri) throws IOException {
        return store.list(prefixUri);
    }

    @Override
    public ObjectMetadata head(String uri) throws IOException {
        return store.head(uri);
    }

    @Override
    public InputStream open(String uri, long offset, long length) throws IOException {
        opens.add(offset);
        boolean first = opens.size() == 1;
        InputStream in = store.open(uri, offset, length);
        return breaksLeft.getAndDecrement() > 0 ? new Breaking(in, uri, first ? breakAfter : 0) : in;
    }

    @Override
    public ObjectMetadata put(String uri, byte[] content, String contentType) throws IOException {
        return store.put(uri, content, contentType);
    }

    private final class Breaking extends FilterInputStream {
        private final String uri;
        private final long breakAfter;
        private long given;

        Breaking(InputStream in, String uri, long breakAfter) {
            super(in);
            this.uri = uri;
            this.breakAfter = breakAfter;
        }

        @Override
        public int read() throws IOException {
            if (given >= breakAfter) {
                throw broken();
            }
            int b = super.read();
            given += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (given >= breakAfter) {
                throw broken();
            }
            int n = super.read(buffer, offset, (int) Math.min(length, breakAfter - given));
            given += Math.max(n, 0);
            return n;
        }

        private StoreUnavailableException broken() {
            return new StoreUnavailableException("the connection broke while reading " + uri + " after " + given + " bytes",
                    new SocketException("Connection reset"));
        }
    }
}
