package dev.sightline.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells an object's format from its first bytes; the file extension only breaks ties the content
 * leaves open (a headerless numeric table, a bare MPEG audio frame).
 */
public final class MediaSniffer {

    /** How many leading bytes {@link #sniff} looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final Set<String> AUDIO_MP4_BRANDS = Set.of("M4A ", "M4B ", "M4P ", "F4A ", "F4B ");
    private static final Set<String> QUICKTIME_ATOMS = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");
    private static final Set<String> TABLE_EXTENSIONS = Set.of("csv", "tsv", "txt", "tab", "dat");
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d+\\.?\\d*([eE][-+]?\\d+)?|\\.\\d+([eE][-+]?\\d+)?|nan|NaN|NAN|inf|-inf)");
    private static final Pattern GAZE_HEADER_WORD = Pattern.compile(
            "(?i).*(gaze|pupil|fixation|\\bx\\b|\\by\\b|x_|_x|y_|_y|pos_?x|pos_?y|time|timestamp|\\bt\\b).*");

    private MediaSniffer() {}

    /** The verdict: a format, and why when it is {@link MediaFormat#UNKNOWN}. */
    public record Verdict(MediaFormat format, String reason) {
        static Verdict of(MediaFormat format) {
            return new Verdict(format, null);
        }
    }

    /**
     * Sniffs the format of an object from {@code length} leading bytes of {@code head}.
     *
     * @param fileName the object's name, for its extension
     */
    public static Verdict sniff(byte[] head, int length, String fileName) {
        String extension = ObjectNames.extension(fileName);
        if (length == 0) {
            return new Verdict(MediaFormat.UNKNOWN, "object is empty (0 bytes)");
        }
        MediaFormat binary = sniffBinary(head, length, extension);
        if (binary != null) {
            return Verdict.of(binary);
        }
        if (looksLikeText(head, length)) {
            MediaFormat text = sniffText(new String(head, 0, length, StandardCharsets.UTF_8), extension);
            if (text != null) {
                return Verdict.of(text);
            }
            return new Verdict(MediaFormat.UNKNOWN, "text that is no eye-tracking export Sightline reads"
                    + hintSuffix(extension));
        }
        return new Verdict(MediaFormat.UNKNOWN, "content matches no supported video, audio or eye-tracking format"
                + hintSuffix(extension) + "; first bytes: " + HexFormat.ofDelimiter(" ")
                .formatHex(head, 0, Math.min(length, 16)));
    }

    private static String hintSuffix(String extension) {
        return extension.isEmpty() ? "" : " (extension ." + extension + ")";
    }

    private static MediaFormat sniffBinary(byte[] b, int n, String extension) {
        if (n >= 12 && ascii(b, 4, 4).equals("ftyp")) {
            String brand = ascii(b, 8, 4);
            if (AUDIO_MP4_BRANDS.contains(brand)) {
                return MediaFormat.M4A;
            }
            return brand.equals("qt  ") ? MediaFormat.MOV : MediaFormat.MP4;
        }
        if (n >= 8 && QUICKTIME_ATOMS.contains(ascii(b, 4, 4)) && boxSizePlausible(b)) {
            return MediaFormat.MOV;
        }
        if (n >= 12 && ascii(b, 0, 4).equals("RIFF")) {
            String form = ascii(b, 8, 4);
            if (form.equals("AVI ")) {
                return MediaFormat.AVI;
            }
            if (form.equals("WAVE")) {
                return MediaFormat.WAV;
            }
        }
        if (n >= 4 && (b[0] & 0xff) == 0x1A && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xDF && (b[3] & 0xff) == 0xA3) {
            String header = ascii(b, 0, Math.min(n, 64));
            return header.contains("webm") ? MediaFormat.WEBM : MediaFormat.MATROSKA;
        }
        if (n >= 4 && ascii(b, 0, 4).equals("fLaC")) {
            return MediaFormat.FLAC;
        }
        if (n >= 4 && ascii(b, 0, 4).equals("OggS")) {
            return MediaFormat.OGG;
        }
        if (n >= 10 && ascii(b, 0, 3).equals("ID3")) {
            return MediaFormat.MP3;
        }
        if (n >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xF6) == 0xF0) {
            return MediaFormat.AAC; // ADTS sync word, layer 0
        }
        if (MpegAudioFrames.startsWithFrames(b, n) || (extension.equals("mp3") && MpegAudioFrames.isFrameHeader(b, 0, n))) {
            return MediaFormat.MP3;
        }
        return null;
    }

    private static boolean boxSizePlausible(byte[] b) {
        long size = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
        return size == 0 || size == 1 || size >= 8;
    }

    private static boolean looksLikeText(byte[] b, int n) {
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x09 || (c > 0x0D && c < 0x20)) {
                control++;
            }
        }
        return control * 100 <= n;
    }

    private static MediaFormat sniffText(String text, String extension) {
        String[] lines = text.replace("\r", "").split("\n", 64);
        if (text.startsWith("** CONVERTED FROM") || text.contains("\n** SOURCE: EYELINK")
                || (hasLineStarting(lines, "MSG\t") && (hasLineStarting(lines, "START\t")
                        || hasLineStarting(lines, "SAMPLES\t") || hasLineStarting(lines, "EFIX")))) {
            return MediaFormat.EYELINK_ASC;
        }
        String header = firstContentLine(lines);
        if (header == null) {
            return null;
        }
        String lowerHeader = header.toLowerCase(Locale.ROOT);
        if (header.contains("\t") && (lowerHeader.contains("recording timestamp")
                || (lowerHeader.contains("gaze point x") && lowerHeader.contains("gaze point y")))) {
            return MediaFormat.TOBII_TSV;
        }
        if (lowerHeader.contains("gaze_timestamp") && lowerHeader.contains("norm_pos_x")) {
            return MediaFormat.PUPIL_LABS_CSV;
        }
        return looksLikeGazeTable(lines, header, extension) ? MediaFormat.GAZE_CSV : null;
    }

    /** A delimited table with a gaze-like header, or numeric rows in a file named like a table. */
    private static boolean looksLikeGazeTable(String[] lines, String header, String extension) {
        char delimiter = delimiterOf(header);
        if (delimiter == 0) {
            return false;
        }
        int numericRows = 0;
        int rows = 0;
        boolean past = false;
        for (int i = 0; i < lines.length - 1; i++) { // the last piece may be a cut line
            String line = lines[i];
            if (!past) {
                past = line.equals(header);
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            rows++;
            if (numericFields(line, delimiter) >= 2) {
                numericRows++;
            }
        }
        boolean headerNumeric = numericFields(header, delimiter) >= 2;
        if (rows == 0 || numericRows * 2 < rows) {
            return false;
        }
        if (headerNumeric) {
            return TABLE_EXTENSIONS.contains(extension);
        }
        String[] names = header.split(Pattern.quote(String.valueOf(delimiter)));
        int gazeWords = 0;
        for (String name : names) {
            if (GAZE_HEADER_WORD.matcher(name.trim()).matches()) {
                gazeWords++;
            }
        }
        return gazeWords >= 2 || (gazeWords >= 1 && TABLE_EXTENSIONS.contains(extension));
    }

    private static int numericFields(String line, char delimiter) {
        int count = 0;
        for (String field : line.split(Pattern.quote(String.valueOf(delimiter)))) {
            if (NUMBER.matcher(field.trim()).matches()) {
                count++;
            }
        }
        return count;
    }

    private static char delimiterOf(String header) {
        char best = 0;
        int bestCount = 0;
        for (char candidate : new char[] {'\t', ',', ';'}) {
            int count = (int) header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static String firstContentLine(String[] lines) {
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("#")) {
                return line;
            }
        }
        return null;
    }

    private static boolean hasLineStarting(String[] lines, String prefix) {
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }
}
