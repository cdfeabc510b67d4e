package dev.sightline.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and tells a {@link ProgressListener} about every megabyte. */
public final class ProgressInputStream extends FilterInputStream {

    private static final long STEP = 1 << 20;

    private final String uri;
    private final String stage;
    private final long total;
    private final ProgressListener progress;
    private long read;

    public ProgressInputStream(InputStream in, String uri, String stage, long total, ProgressListener progress) {
        super(in);
        this.uri = uri;
        this.stage = stage;
        this.total = Math.max(0, total);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long n) {
        long before = read;
        read += n;
        if (read / STEP > before / STEP) {
            progress.progress(uri, stage, read, Math.max(total, read), "bytes");
        }
    }
}
