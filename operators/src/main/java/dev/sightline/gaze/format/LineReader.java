package dev.sightline.gaze.format;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
            int i = indexOfNewline(buffer, position, limit);
            if (i >= 0) {
                start = position;
                end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                position = i + 1;
                terminated = true;
                lineNumber++;
                return true;
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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** The index of the first '\n' in {@code b[from, to)}, or -1; eight bytes at a time. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
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
