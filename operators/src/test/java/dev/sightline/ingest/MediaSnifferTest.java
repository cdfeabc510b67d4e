package dev.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MediaSnifferTest {

    private static MediaFormat sniff(byte[] content, String name) {
        return MediaSniffer.sniff(content, content.length, name).format();
    }

    private static MediaFormat sniff(String content, String name) {
        return sniff(content.getBytes(StandardCharsets.UTF_8), name);
    }

    private static byte[] bytes(String ascii, int padTo) {
        byte[] b = Arrays.copyOf(ascii.getBytes(StandardCharsets.ISO_8859_1), padTo);
        return b;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MediaSniffer.HEAD_BYTES);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "video/testvideo.mp4, MP4",
        "video/fades.mp4, MP4",
        "video/vtest.avi, AVI",
        "audio/librivox/sense_and_sensibility_01_austen_64kb-0870.wav, WAV",
        "eyetracking/lund2013/TH20_trial1_labelled_MN.csv, GAZE_CSV",
        "eyetracking/formats/pymovements_eyelink_monocular_example.asc, EYELINK_ASC",
        "eyetracking/formats/pymovements_eyelink_binocular_example.asc, EYELINK_ASC",
        "eyetracking/formats/pymovements_judo1000_example.csv, GAZE_CSV",
        "eyetracking/formats/pymovements_gazebase_example.csv, GAZE_CSV",
        "eyetracking/formats/pymovements_emtec_example.csv, GAZE_CSV",
        "eyetracking/formats/pupil_labs/gaze_positions.csv, PUPIL_LABS_CSV",
    })
    void recognisesRealRecordings(String relative, MediaFormat expected) throws IOException {
        Path file = SharedData.file(relative);
        byte[] head = head(file);
        assertThat(MediaSniffer.sniff(head, head.length, file.getFileName().toString()).format()).isEqualTo(expected);
    }

    @Test
    void recognisesContainerSignatures() {
        byte[] mp4 = new byte[32];
        System.arraycopy(bytes("\0\0\0\u0020ftypisom", 12), 0, mp4, 0, 12);
        assertThat(sniff(mp4, "x.bin")).isEqualTo(MediaFormat.MP4);
        assertThat(sniff(bytes("\0\0\0\u0014ftypqt  ", 32), "x")).isEqualTo(MediaFormat.MOV);
        assertThat(sniff(bytes("\0\0\0\u0014ftypM4A ", 32), "x.mp4")).isEqualTo(MediaFormat.M4A);
        assertThat(sniff(bytes("\0\0\u0001\0moov", 32), "old.mov")).isEqualTo(MediaFormat.MOV);
        assertThat(sniff(bytes("RIFF\u0010\0\0\0AVI LIST", 32), "x")).isEqualTo(MediaFormat.AVI);
        assertThat(sniff(bytes("RIFF\u0010\0\0\0WAVEfmt ", 32), "x")).isEqualTo(MediaFormat.WAV);
        assertThat(sniff(bytes("fLaC\0\0\0\"", 32), "x")).isEqualTo(MediaFormat.FLAC);
        assertThat(sniff(bytes("OggS\0\u0002", 32), "x")).isEqualTo(MediaFormat.OGG);
        assertThat(sniff(bytes("ID3\u0004\0\0\0\0\0\0", 32), "x")).isEqualTo(MediaFormat.MP3);
        byte[] mkv = bytes("\u001a\u0045\u00df\u00a3\u0093\u0042\u0082\u0088matroska", 32);
        assertThat(sniff(mkv, "x")).isEqualTo(MediaFormat.MATROSKA);
        byte[] webm = bytes("\u001a\u0045\u00df\u00a3\u009f\u0042\u0082\u0084webm", 32);
        assertThat(sniff(webm, "x")).isEqualTo(MediaFormat.WEBM);
    }

    @Test
    void recognisesBareMp3FramesByTheirHeaders() {
        // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames.
        byte[] frames = new byte[417 * 3];
        for (int f = 0; f < 3; f++) {
            frames[f * 417] = (byte) 0xFF;
            frames[f * 417 + 1] = (byte) 0xFB;
            frames[f * 417 + 2] = (byte) 0x90;
        }
        assertThat(sniff(frames, "no-tag.bin")).isEqualTo(MediaFormat.MP3);
        frames[417 + 1] = 0; // second header broken: not enough evidence without the extension
        assertThat(sniff(frames, "no-tag.bin")).isEqualTo(MediaFormat.UNKNOWN);
        assertThat(sniff(frames, "song.mp3")).isEqualTo(MediaFormat.MP3);
    }

    @Test
    void recognisesTobiiExportsWithAndWithoutUnits() {
        String plain = "Recording timestamp\tGaze point X\tGaze point Y\tValidity left\tValidity right\n"
                + "0\t512\t384\tValid\tValid\n8333\t513\t385\tValid\tValid\n";
        String units = "Recording timestamp [μs]\tGaze point X [DACS px]\tGaze point Y [DACS px]\n"
                + "0\t512\t384\n8333\t513\t385\n";
        assertThat(sniff(plain, "export.tsv")).isEqualTo(MediaFormat.TOBII_TSV);
        assertThat(sniff(units, "export.txt")).isEqualTo(MediaFormat.TOBII_TSV);
    }

    @Test
    void contentWinsOverAMisleadingExtension() {
        assertThat(sniff(bytes("RIFF\u0010\0\0\0WAVEfmt ", 32), "really-audio.mp4")).isEqualTo(MediaFormat.WAV);
        assertThat(sniff("time,x,y\n0,1,2\n1,2,3\n2,3,4\n", "gaze.mp4")).isEqualTo(MediaFormat.GAZE_CSV);
    }

    @Test
    void aHeaderlessNumericTableNeedsATableExtension() {
        String table = "0,512.1,384.2\n2,512.3,384.0\n4,512.2,384.1\n";
        assertThat(sniff(table, "samples.csv")).isEqualTo(MediaFormat.GAZE_CSV);
        assertThat(sniff(table, "samples.bin")).isEqualTo(MediaFormat.UNKNOWN);
    }

    @Test
    void rejectsWhatIsNoRecording() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        MediaSniffer.Verdict verdict = MediaSniffer.sniff(noise, noise.length, "broken.mp4");
        assertThat(verdict.format()).isEqualTo(MediaFormat.UNKNOWN);
        assertThat(verdict.reason()).contains("extension .mp4").contains("first bytes");

        assertThat(sniff("Dear diary, today I went for a walk.\nIt rained.\n", "notes.txt")).isEqualTo(MediaFormat.UNKNOWN);
        assertThat(sniff("name,city\nAda,London\nAlan,Wilmslow\n", "people.csv")).isEqualTo(MediaFormat.UNKNOWN);
        assertThat(MediaSniffer.sniff(new byte[0], 0, "empty.wav").reason()).contains("empty");
    }
}
