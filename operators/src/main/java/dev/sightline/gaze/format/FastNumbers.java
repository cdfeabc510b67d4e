package dev.sightline.gaze.format;

/**
 * Parses decimal numbers straight from bytes, without strings: the hot path of every text
 * parser. Empty fields, {@code nan}, {@code NaN}, {@code .} and {@code -} are missing values
 * (NaN); anything else that is no number is {@link #INVALID}.
 */
public final class FastNumbers {

    /** Marks a field that is no number: NaN with a payload, told apart by {@link #isInvalid}. */
    public static final double INVALID = Double.longBitsToDouble(0x7ff8dead00000000L);

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private FastNumbers() {}

    public static boolean isInvalid(double value) {
        return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(INVALID);
    }

    /** The number in {@code b[from, to)} (surrounding blanks and quotes ignored). */
    public static double parse(byte[] b, int from, int to) {
        // Fast path: [-]digits[.digits] with at most 15 digits, the form of nearly every field.
        int i = from;
        if (i < to && b[i] == '-') {
            i++;
        }
        int digitsStart = i;
        long mantissa = 0;
        while (i < to) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            mantissa = mantissa * 10 + d;
            i++;
        }
        int integerDigits = i - digitsStart;
        int fractionDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            int fractionStart = i;
            while (i < to) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                mantissa = mantissa * 10 + d;
                i++;
            }
            fractionDigits = i - fractionStart;
        }
        if (i == to && integerDigits + fractionDigits > 0 && integerDigits + fractionDigits <= 15) {
            double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
            return b[from] == '-' ? -value : value;
        }
        return parseGeneral(b, from, to);
    }

    private static double parseGeneral(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '"' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '"' || b[to - 1] == '\t')) {
            to--;
        }
        if (from == to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
            if (i == to) {
                return Double.NaN;
            }
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        int first = i;
        while (i < to) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (digits < 18) {
                mantissa = mantissa * 10 + d;
                digits += mantissa == 0 ? 0 : 1;
            } else {
                exponent++;
            }
            i++;
        }
        boolean any = i > first;
        if (i < to && b[i] == '.') {
            i++;
            int fractionStart = i;
            while (i < to) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (digits < 18) {
                    mantissa = mantissa * 10 + d;
                    digits += mantissa == 0 ? 0 : 1;
                    exponent--;
                }
                i++;
            }
            any |= i > fractionStart;
        }
        if (!any) {
            return missingOrInvalid(b, negative || b[from] == '+' ? from + 1 : from, to);
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int e = 0;
            boolean exponentDigits = false;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                e = Math.min(10_000, e * 10 + (b[i] - '0'));
                exponentDigits = true;
                i++;
            }
            if (!exponentDigits) {
                return INVALID;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (i != to) {
            return INVALID;
        }
        double value;
        if (exponent == 0) {
            value = mantissa;
        } else if (exponent < 0 && -exponent < POWERS_OF_TEN.length && mantissa < (1L << 53)) {
            value = mantissa / POWERS_OF_TEN[-exponent];
        } else if (exponent > 0 && exponent < POWERS_OF_TEN.length && mantissa < (1L << 53)) {
            value = mantissa * POWERS_OF_TEN[exponent];
        } else {
            value = Double.parseDouble(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1).replace("+", ""));
            return value; // sign already in the text
        }
        return negative ? -value : value;
    }

    private static double missingOrInvalid(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 1 && (b[from] == '.' || b[from] == '-')) {
            return Double.NaN;
        }
        if (n == 3 && (b[from] | 0x20) == 'n' && (b[from + 1] | 0x20) == 'a' && (b[from + 2] | 0x20) == 'n') {
            return Double.NaN;
        }
        return INVALID;
    }
}
