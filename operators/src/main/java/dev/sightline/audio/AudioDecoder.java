package dev.sightline.audio;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.StoreUnavailableException;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ProgressListener;
import dev.sightline.media.ContainerIntegrity;
import dev.sightline.media.FFmpegInput;
import java.nio.ShortBuffer;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes the audio of a recording (MP3, WAV, FLAC, M4A/AAC, or a video's sound track) with FFmpeg,
 * resampled to 16 kHz mono 16-bit PCM, and streams it in chunks: memory stays flat however long
 * the recording is. Remote objects are read through ranged GETs, never copied whole.
 */
public final class AudioDecoder {

    /** The sample rate every analysis works at. */
    public static final int SAMPLE_RATE = 16_000;
    /** Error class: FFmpeg cannot open the object at all. */
    public static final String UNDECODABLE = "UndecodableAudio";
    /** Error class: the container holds no audio stream. */
    public static final String NO_AUDIO_STREAM = "NoAudioStream";
    /** Error class: decoding broke midway, or the stream ends before its announced length (what came before was delivered). */
    public static final String BROKEN_AUDIO = "BrokenAudio";
    /** Error class: the audio stream holds no samples. */
    public static final String EMPTY_AUDIO = "EmptyAudio";

    private final ObjectStore store;
    private final ProgressListener progress;

    public AudioDecoder(ObjectStore store) {
        this(store, ProgressListener.NONE);
    }

    /** A decoder that tells {@code progress} the seconds decoded of the container's duration, about every ten seconds of audio. */
    public AudioDecoder(ObjectStore store, ProgressListener progress) {
        this.store = store;
        this.progress = progress;
    }

    /** What decoding found: the samples delivered, the source's codec and duration, and a problem if any. */
    public record Result(long samples, String codec, int sourceRate, int sourceChannels, String errorClass, String problem) {

        /** Seconds of audio delivered. */
        public double seconds() {
            return samples / (double) SAMPLE_RATE;
        }

        /** Whether decoding yielded audio to analyse: the whole stream, or the part before a break. */
        public boolean hasAudio() {
            return complete() || samples > 0;
        }

        /** Whether the whole stream was decoded. */
        public boolean complete() {
            return errorClass == null;
        }
    }

    /** Decodes {@code object} into {@code sink}; never throws for bad input, only when the store is unavailable. */
    public Result decode(MediaObject object, PcmSink sink) {
        try (FFmpegInput input = FFmpegInput.open(store, object)) {
            Result result = decode(object, input, sink);
            input.requireStoreReachable(); // an early end from a broken connection is not the file's
            return result;
        } catch (Exception e) {
            StoreUnavailableException.rethrowIn(e);
            return new Result(0, null, 0, 0, UNDECODABLE, object.fileName() + ": " + e);
        }
    }

    private Result decode(MediaObject object, FFmpegInput input, PcmSink sink) throws Exception {
        FFmpegFrameGrabber grabber = input.grabber();
        grabber.setSampleRate(SAMPLE_RATE);
        grabber.setAudioChannels(1);
        grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
        try {
            grabber.start();
        } catch (Exception e) {
            return new Result(0, null, 0, 0, UNDECODABLE, object.fileName() + ": FFmpeg cannot open it: " + e.getMessage());
        }
        if (grabber.getAudioStream() < 0 || grabber.getAudioChannels() <= 0) {
            return new Result(0, null, 0, 0, NO_AUDIO_STREAM, object.fileName() + ": the " + grabber.getFormat()
                    + " container has no audio stream");
        }
        Result result = stream(object.uri(), grabber, sink);
        if (result.complete()) {
            Optional<String> cut = ContainerIntegrity.truncation(store, object);
            if (cut.isPresent()) {
                return new Result(result.samples(), result.codec(), result.sourceRate(), result.sourceChannels(), BROKEN_AUDIO, cut.get());
            }
        }
        return result;
    }

    private Result stream(String uri, FFmpegFrameGrabber grabber, PcmSink sink) {
        String codec = grabber.getAudioCodecName();
        // The grabber reports the rate and layout it resamples to; the stream's own are in its codec parameters.
        AVCodecParameters source = grabber.getFormatContext().streams(grabber.getAudioStream()).codecpar();
        int sourceRate = source.sample_rate();
        int sourceChannels = source.ch_layout().nb_channels();
        long announcedUs = grabber.getLengthInTime();
        long delivered = 0;
        short[] chunk = new short[8192];
        while (true) {
            Frame frame;
            try {
                frame = grabber.grabSamples();
            } catch (Exception e) {
                return new Result(delivered, codec, sourceRate, sourceChannels, BROKEN_AUDIO,
                        "decoding stopped after " + String.format("%.1f", delivered / (double) SAMPLE_RATE) + " s: " + e.getMessage());
            }
            if (frame == null) {
                break;
            }
            if (frame.samples == null || frame.samples.length == 0 || !(frame.samples[0] instanceof ShortBuffer buffer)) {
                continue;
            }
            ShortBuffer samples = buffer.duplicate();
            while (samples.hasRemaining()) {
                int n = Math.min(chunk.length, samples.remaining());
                samples.get(chunk, 0, n);
                sink.accept(chunk, n, delivered);
                if ((delivered + n) / (10L * SAMPLE_RATE) > delivered / (10L * SAMPLE_RATE)) {
                    double seconds = (delivered + n) / (double) SAMPLE_RATE;
                    progress.progress(uri, "decode", seconds, Math.max(seconds, announcedUs / 1e6), "s");
                }
                delivered += n;
            }
        }
        if (delivered == 0) {
            return new Result(0, codec, sourceRate, sourceChannels, EMPTY_AUDIO, "the " + codec + " stream holds no audio samples");
        }
        double seconds = delivered / (double) SAMPLE_RATE;
        double announced = announcedUs / 1e6;
        // Container durations of compressed streams are estimates: only a clear shortfall counts.
        if (announcedUs > 0 && seconds < announced - Math.max(0.5, 0.05 * announced)) {
            return new Result(delivered, codec, sourceRate, sourceChannels, BROKEN_AUDIO,
                    String.format("the stream ends at %.1f s of the %.1f s its container announces (truncated?)", seconds, announced));
        }
        return new Result(delivered, codec, sourceRate, sourceChannels, null, null);
    }
}
