package dev.sightline.gaze.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(String text, int chunk) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        InputStream slow = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk)); // short reads, like a network stream
            }
        };
        LineReader reader = new LineReader(slow);
        List<String> out = new ArrayList<>();
        while (reader.next()) {
            out.add(reader.lineNumber() + ":" + reader.text() + (reader.terminated() ? "" : "<cut>"));
        }
        return out;
    }

    @Test
    void splitsLfAndCrlfLinesAndFlagsAnUnterminatedLastLine() throws Exception {
        for (int chunk : new int[] {1, 3, 7, 8, 9, 64, 100_000}) {
            assertThat(lines("a,b\r\n\nlonger line here\n1234567\n12345678\nlast", chunk))
                    .containsExactly("1:a,b", "2:", "3:longer line here", "4:1234567", "5:12345678", "6:last<cut>");
        }
        assertThat(lines("", 10)).isEmpty();
        assertThat(lines("x\n", 10)).containsExactly("1:x");
    }

    @Test
    void findsNewlinesAtEveryOffset() {
        for (int at = 0; at < 40; at++) {
            byte[] b = new byte[41];
            java.util.Arrays.fill(b, (byte) 'x');
            b[at] = '\n';
            for (int from = 0; from <= at; from++) {
                assertThat(LineReader.indexOfNewline(b, from, b.length)).isEqualTo(at);
            }
            assertThat(LineReader.indexOfNewline(b, at + 1, b.length)).isEqualTo(-1);
        }
    }

    @Test
    void growsForLongLines() throws Exception {
        String longLine = "y".repeat(200_000);
        assertThat(lines(longLine + "\nz\n", 4096)).containsExactly("1:" + longLine, "2:z");
    }
}
