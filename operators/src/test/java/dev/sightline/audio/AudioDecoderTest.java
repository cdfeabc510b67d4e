package dev.sightline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.SharedData;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AudioDecoderTest {

    @TempDir
    Path dir;

    private final LocalObjectStore store = new LocalObjectStore();

    @ParameterizedTest
    @CsvSource({"tone.wav, 0", "tone.flac, 0", "tone.mp3, 0", "tone.m4a, 0", "clip.mp4, 1"})
    void everyFormatBecomes16kHzMonoOfTheSameLength(String name, int withVideo) throws Exception {
        Path file = record(dir.resolve(name), 3.0, withVideo == 1);
        Level level = new Level();
        AudioDecoder.Result result = new AudioDecoder(store).decode(inspect(file), level);
        assertThat(result.complete()).as(result.problem()).isTrue();
        assertThat(result.seconds()).as(name).isCloseTo(3.0, within(0.1));
        assertThat(result.sourceRate()).isEqualTo(44_100);
        assertThat(level.samples).isEqualTo(result.samples());
        // A 440 Hz tone at half scale: RMS 0.35 of full scale, whatever the codec.
        assertThat(level.rms()).as(name).isCloseTo(0.354, within(0.03));
    }

    @Test
    void badInputSaysWhatIsWrong() throws Exception {
        Path noise = dir.resolve("noise.mp3");
        byte[] bytes = new byte[4096];
        new SplittableRandom(7).nextBytes(bytes);
        Files.write(noise, bytes);
        AudioDecoder.Result garbage = new AudioDecoder(store).decode(object(noise), new Level());
        assertThat(garbage.errorClass()).isEqualTo(AudioDecoder.UNDECODABLE);

        Path silentVideo = dir.resolve("silent.mp4");
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(silentVideo.toFile(), 64, 48, 0);
        recorder.setFormat("mp4");
        recorder.setFrameRate(10);
        recorder.start();
        org.bytedeco.javacv.Frame picture = new org.bytedeco.javacv.Frame(64, 48, Frame.DEPTH_UBYTE, 3);
        for (int i = 0; i < 10; i++) {
            recorder.record(picture);
        }
        recorder.close();
        AudioDecoder.Result noAudio = new AudioDecoder(store).decode(inspect(silentVideo), new Level());
        assertThat(noAudio.errorClass()).isEqualTo(AudioDecoder.NO_AUDIO_STREAM);
        assertThat(noAudio.problem()).contains("no audio stream");
    }

    @Test
    void aTruncatedFileDeliversWhatItHas() throws Exception {
        Path whole = record(dir.resolve("whole.wav"), 4.0, false);
        Path cut = dir.resolve("cut.wav");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        AudioDecoder.Result result = new AudioDecoder(store).decode(inspect(cut), new Level());
        assertThat(result.seconds()).isCloseTo(2.0, within(0.1));
        assertThat(result.errorClass()).isEqualTo(AudioDecoder.BROKEN_AUDIO);
        assertThat(result.problem()).contains("truncated");
    }

    @Test
    void realSpeechAt16kHzPassesThrough() {
        Path speech = SharedData.file("audio/librivox/sense_and_sensibility_01_austen_64kb-0870.wav");
        Level level = new Level();
        AudioDecoder.Result result = new AudioDecoder(store).decode(inspect(speech), level);
        assertThat(result.complete()).isTrue();
        assertThat(result.sourceRate()).isEqualTo(16_000);
        assertThat(result.sourceChannels()).isEqualTo(1);
        assertThat(result.seconds()).isGreaterThan(1.0);
    }

    private MediaObject inspect(Path file) {
        return new ObjectInspector(store).inspect(LocalPaths.toUri(file));
    }

    private static MediaObject object(Path file) throws Exception {
        return new MediaObject(LocalPaths.toUri(file), "v", Files.size(file), null, null, "00",
                dev.sightline.ingest.MediaType.AUDIO, dev.sightline.ingest.MediaFormat.MP3, null, null);
    }

    /** Records a 440 Hz tone at half scale, 44.1 kHz stereo, in the format the name says (with a video track for .mp4). */
    static Path record(Path file, double seconds, boolean withVideo) throws Exception {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), withVideo ? 64 : 0, withVideo ? 48 : 0, 2)) {
            recorder.setFormat(switch (extension) {
                case "m4a", "mp4" -> "mp4";
                default -> extension;
            });
            recorder.setSampleRate(44_100);
            recorder.setAudioCodec(switch (extension) {
                case "wav" -> avcodec.AV_CODEC_ID_PCM_S16LE;
                case "flac" -> avcodec.AV_CODEC_ID_FLAC;
                case "mp3" -> avcodec.AV_CODEC_ID_MP3;
                default -> avcodec.AV_CODEC_ID_AAC;
            });
            if (withVideo) {
                recorder.setFrameRate(10);
            }
            recorder.start();
            int total = (int) (seconds * 44_100);
            int block = 1024;
            Frame picture = withVideo ? new Frame(64, 48, Frame.DEPTH_UBYTE, 3) : null;
            for (int start = 0, frame = 0; start < total; start += block) {
                int n = Math.min(block, total - start);
                short[] interleaved = new short[2 * n];
                for (int i = 0; i < n; i++) {
                    short s = (short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * 440 * (start + i) / 44_100.0));
                    interleaved[2 * i] = s;
                    interleaved[2 * i + 1] = s;
                }
                recorder.recordSamples(44_100, 2, ShortBuffer.wrap(interleaved));
                while (withVideo && frame * 4410 < start + n) {
                    recorder.record(picture);
                    frame++;
                }
            }
        }
        return file;
    }

    /** Counts samples and their energy. */
    static final class Level implements PcmSink {
        long samples;
        double sumSquares;

        @Override
        public void accept(short[] chunk, int length, long firstSample) {
            assertThat(firstSample).isEqualTo(samples);
            for (int i = 0; i < length; i++) {
                double v = chunk[i] / 32768.0;
                sumSquares += v * v;
            }
            samples += length;
        }

        double rms() {
            return Math.sqrt(sumSquares / samples);
        }
    }
}
