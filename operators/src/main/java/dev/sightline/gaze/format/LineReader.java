package dev.sightline.gaze.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines of bytes from a stream into a reused buffer, without decoding them to strings:
 * the parsers look at bytes. Handles LF and CRLF; a last line without newline is reported so a
 * truncated file can be told apart.
 */
public final class LineReader {

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;
    private long lineNumber;

    /** The current line: bytes {@code [start, end)} of {@link #buffer()}. */
    private int start;
    private int end;
    private boolean terminated;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the stream. */
    public boolean next() throws IOException {
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    start = position;
                    end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    position = i + 1;
                    terminated = true;
                    lineNumber++;
                    return true;
                }
            }
            if (eof) {
                if (position < limit) {
                    start = position;
                    end = limit > position && buffer[limit - 1] == '\r' ? limit - 1 : limit;
                    position = limit;
                    terminated = false;
                    lineNumber++;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= (1 << 24)) {
                throw new IOException("line " + (lineNumber + 1) + " is longer than 16 MiB: not a text export");
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    public byte[] buffer() {
        return buffer;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** One-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** False for a last line that the stream ended in the middle of. */
    public boolean terminated() {
        return terminated;
    }

    /** The current line decoded as UTF-8 (for headers and messages, not for samples). */
    public String text() {
        return new String(buffer, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    }
}
