package dev.sightline.gaze.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastNumbersTest {

    private static double parse(String text) {
        byte[] b = ("x" + text + "y").getBytes(StandardCharsets.ISO_8859_1);
        return FastNumbers.parse(b, 1, b.length - 1);
    }

    @Test
    void parsesLikeTheJdkToTheLastBit() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 200_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-6, 12));
            for (String text : new String[] {Double.toString(value), String.format(Locale.ROOT, "%.4f", value),
                    String.format(Locale.ROOT, "%.2f", value), String.format(Locale.ROOT, "%.6e", value),
                    Long.toString((long) value)}) {
                assertThat(parse(text)).as(text).isEqualTo(Double.parseDouble(text));
            }
        }
    }

    @Test
    void missingAndInvalidFields() {
        for (String missing : new String[] {"", " ", "nan", "NaN", "-nan", ".", "-", "\"\""}) {
            assertThat(parse(missing)).as("'" + missing + "'").isNaN();
            assertThat(FastNumbers.isInvalid(parse(missing))).as("'" + missing + "'").isFalse();
        }
        for (String bad : new String[] {"abc", "1.2.3", "12x", "1e", "--1", "Valid"}) {
            assertThat(FastNumbers.isInvalid(parse(bad))).as(bad).isTrue();
        }
        assertThat(parse(" 42 ")).isEqualTo(42);
        assertThat(parse("\"-3.5\"")).isEqualTo(-3.5);
        assertThat(parse("+7")).isEqualTo(7);
        assertThat(parse("5781641467")).isEqualTo(5781641467.0);
        assertThat(parse("1.5E3")).isEqualTo(1500);
    }
}
