package dev.sightline.cloud;

import java.io.IOException;
import java.io.InputStream;

/**
 * An object read as a stream that can move: {@link #skip} far ahead and {@link #reset} reopen the
 * object at the new position with a ranged read instead of reading the bytes between, so a
 * decoder can seek (an MP4 whose index sits at its end) without the object ever being held whole.
 */
public final class RangedObjectStream extends InputStream {

    /** Forward skips shorter than this read through the open stream instead of a new request. */
    private static final long READ_THROUGH = 256 * 1024;

    private final ObjectStore store;
    private final String uri;
    private final long size;
    private InputStream current;
    private long position;
    private long mark;

    /** @param size the object's size in bytes (skips stop at its end) */
    public RangedObjectStream(ObjectStore store, String uri, long size) {
        this.store = store;
        this.uri = uri;
        this.size = size;
    }

    private InputStream current() throws IOException {
        if (current == null) {
            current = store.open(uri, position, -1);
        }
        return current;
    }

    @Override
    public int read() throws IOException {
        int b = current().read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = current().read(buffer, offset, length);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    /** Skips at most to the end of the object (0 there), as callers that measure a stream by skipping expect. */
    @Override
    public long skip(long n) throws IOException {
        n = Math.min(n, size - position);
        if (n <= 0) {
            return 0;
        }
        if (current != null && n <= READ_THROUGH) {
            long skipped = current.skip(n);
            position += skipped;
            return skipped;
        }
        moveTo(position + n);
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
    public synchronized void reset() throws IOException {
        moveTo(mark);
    }

    /** The position of the next byte read. */
    public long position() {
        return position;
    }

    private void moveTo(long target) throws IOException {
        if (target != position || current == null) {
            closeCurrent();
            position = target;
        }
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            InputStream old = current;
            current = null;
            old.close();
        }
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
    }
}
