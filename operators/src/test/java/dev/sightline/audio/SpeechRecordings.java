package dev.sightline.audio;

import dev.sightline.ingest.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Recordings for audio tests: the LibriVox utterances of ../shared/data, and files made from them or from silence. */
public final class SpeechRecordings {

    private SpeechRecordings() {}

    /** The LibriVox utterances with their reference transcripts (skips the test without ../shared/data). */
    public static List<ReferenceTranscripts.Reference> libriVox() throws IOException {
        return ReferenceTranscripts.read(SharedData.file("audio/librivox/transcription").getParent());
    }

    /** A 16 kHz mono 16-bit WAV holding these samples. */
    public static Path wav(Path file, short[] samples) throws IOException {
        return Pcm.writeWav(file, samples);
    }

    /** Faint noise (about -70 dBFS): a long silence as a recorder makes it. */
    public static short[] silence(double seconds) {
        short[] samples = new short[(int) (seconds * 16_000)];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) random.nextInt(-1, 2);
        }
        return samples;
    }

    /** An MP4 (H.264 grey frames, AAC sound) whose sound track is the given recording. */
    public static Path videoWithSound(Path sound, Path target) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber audio = new FFmpegFrameGrabber(sound.toFile())) {
            audio.start();
            double seconds = audio.getLengthInTime() / 1e6;
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), 160, 120, 1)) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(10);
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(audio.getSampleRate());
                recorder.setAudioBitrate(96_000);
                recorder.start();
                Frame picture = new Frame(160, 120, Frame.DEPTH_UBYTE, 3);
                ByteBuffer pixels = (ByteBuffer) picture.image[0];
                for (int i = 0; i < pixels.capacity(); i++) {
                    pixels.put(i, (byte) 128);
                }
                for (int i = 0; i < Math.ceil(seconds * 10); i++) {
                    recorder.record(picture);
                }
                Frame samples;
                while ((samples = audio.grabSamples()) != null) {
                    if (samples.samples != null && samples.samples[0] instanceof ShortBuffer) {
                        recorder.recordSamples(samples.sampleRate, samples.audioChannels, samples.samples);
                    }
                }
                recorder.stop();
            }
        }
        return target;
    }
}
