package dev.sightline.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * An object read as a stream that can move: after a {@link #skip} far ahead or a {@link #reset}
 * back, the next read reopens the object at the new position with a ranged read instead of
 * reading the bytes between, so a decoder can seek (an MP4 whose index sits at its end) without
 * the object ever being held whole.
 */
public final class RangedObjectStream extends InputStream {

    /** Forward skips shorter than this read through the open stream instead of a new request. */
    private static final long READ_THROUGH = 256 * 1024;

    private final ObjectStore store;
    private final String uri;
    private final long size;
    private InputStream current;
    /** Where the open stream's next byte is. */
    private long currentAt;
    private long position;
    private long mark;
    private StoreUnavailableException unavailable;
    private final byte[] one = new byte[1];

    /** @param size the object's size in bytes (skips stop at its end) */
    public RangedObjectStream(ObjectStore store, String uri, long size) {
        this.store = store;
        this.uri = uri;
        this.size = size;
    }

    /**
     * The stream at {@link #position}: the open one when it is there or a short way behind (read
     * through), else a new ranged read. Moves ({@link #skip}, {@link #reset}) only set the position,
     * so a decoder that seeks back and forth to where it already is costs no request.
     */
    private InputStream current() throws IOException {
        if (current != null && (position < currentAt || position - currentAt > READ_THROUGH)) {
            closeCurrent();
        }
        if (current == null) {
            current = store.open(uri, position, -1);
            currentAt = position;
        }
        while (currentAt < position) {
            long skipped = current.skip(position - currentAt);
            if (skipped <= 0) {
                if (current.read() < 0) {
                    currentAt = position; // the object ended early: reads return -1
                    break;
                }
                skipped = 1;
            }
            currentAt += skipped;
        }
        return current;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    /**
     * Reads from the open stream; when its connection breaks mid-body, reads once more from a new
     * ranged request at the same position (as S3A does) before giving up, and remembers a failure
     * it gives up on ({@link #unavailable}), since a decoder may swallow it.
     */
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n;
        try {
            n = readOnce(buffer, offset, length);
        } catch (StoreUnavailableException first) {
            quietlyCloseCurrent();
            try {
                n = readOnce(buffer, offset, length);
            } catch (StoreUnavailableException again) {
                quietlyCloseCurrent();
                if (unavailable == null) {
                    unavailable = again;
                }
                throw again;
            }
        }
        return n;
    }

    private int readOnce(byte[] buffer, int offset, int length) throws IOException {
        int n = current().read(buffer, offset, length);
        if (n > 0) {
            position += n;
            currentAt += n;
        }
        return n;
    }

    /**
     * The store failure a read gave up on, if any: a decoder that meets a read error may report a
     * truncated or corrupt file, which this says is not the file's fault.
     */
    public Optional<StoreUnavailableException> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** Skips at most to the end of the object (0 there), as callers that measure a stream by skipping expect. */
    @Override
    public long skip(long n) {
        n = Math.min(n, size - position);
        if (n <= 0) {
            return 0;
        }
        position += n;
        return n;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        mark = position;
    }

    @Override
    public synchronized void reset() {
        position = mark;
    }

    /** The position of the next byte read. */
    public long position() {
        return position;
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            InputStream old = current;
            current = null;
            old.close();
        }
    }

    private void quietlyCloseCurrent() {
        try {
            closeCurrent();
        } catch (IOException | RuntimeException e) {
            // the connection is already broken
        }
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
    }

    /** The object's URI: FFmpeg names its input by this in errors, which end up in dead letters, so it must not vary per run. */
    @Override
    public String toString() {
        return uri;
    }
}
