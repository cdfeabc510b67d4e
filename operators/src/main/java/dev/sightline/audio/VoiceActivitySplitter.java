package dev.sightline.audio;

import dev.sightline.ingest.MediaObject;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a stream of 16 kHz PCM into utterances at silences, so long recordings are transcribed
 * in independent pieces. Energy-based: 30 ms frames are voice when their level is a margin above
 * an adaptive noise floor (and above an absolute floor); an utterance ends after a run of silent
 * frames, keeps some padding on both sides, and is cut at its quietest frame when it grows past
 * the maximum length. Only the current utterance is buffered, so memory is flat in duration.
 */
public final class VoiceActivitySplitter implements PcmSink {

    /** How the splitter decides; the defaults suit read and conversational speech. */
    public record Settings(double minGapSeconds, double padSeconds, double minVoiceSeconds, double maxUtteranceSeconds,
            double marginDb, double floorDbfs) implements java.io.Serializable {

        public static Settings defaults() {
            return new Settings(0.3, 0.2, 0.15, 20.0, 12.0, -55.0);
        }

        public Settings {
            if (minGapSeconds <= 0 || padSeconds < 0 || minVoiceSeconds <= 0 || maxUtteranceSeconds < 2 * minGapSeconds + 1) {
                throw new IllegalArgumentException("bad voice activity settings");
            }
        }
    }

    static final int FRAME = 480; // 30 ms at 16 kHz

    private final Settings settings;
    private final Consumer<Utterance> out;
    private final short[] frame = new short[FRAME];
    private int frameFill;
    private long frameStart;

    private final int gapFrames;
    private final int padFrames;
    private final int minVoiceFrames;
    private final int maxFrames;

    /** Recent frames kept as padding before an utterance starts (a ring). */
    private final short[][] preRoll;
    private int preRollCount;
    private int preRollNext;

    private short[] buffer = new short[FRAME * 64];
    private double[] frameLevels = new double[64];
    private int bufferFrames;
    private long bufferStart;
    private boolean inVoice;
    private int silentRun;
    private int voicedFrames;

    private double noiseFloorDb;
    private int utterances;

    /**
     * Decodes {@code object} and cuts it into utterances for {@code out}, the last one included
     * when decoding yielded audio; returns how decoding went.
     */
    public static AudioDecoder.Result split(AudioDecoder decoder, MediaObject object, Settings settings, Consumer<Utterance> out) {
        VoiceActivitySplitter splitter = new VoiceActivitySplitter(settings, out);
        AudioDecoder.Result decoded = decoder.decode(object, splitter);
        if (decoded.hasAudio()) {
            splitter.finish();
        }
        return decoded;
    }

    public VoiceActivitySplitter(Settings settings, Consumer<Utterance> out) {
        this.settings = settings;
        this.out = out;
        this.gapFrames = Math.max(1, (int) Math.round(settings.minGapSeconds() * AudioDecoder.SAMPLE_RATE / FRAME));
        this.padFrames = (int) Math.round(settings.padSeconds() * AudioDecoder.SAMPLE_RATE / FRAME);
        this.minVoiceFrames = Math.max(1, (int) Math.round(settings.minVoiceSeconds() * AudioDecoder.SAMPLE_RATE / FRAME));
        this.maxFrames = (int) Math.round(settings.maxUtteranceSeconds() * AudioDecoder.SAMPLE_RATE / FRAME);
        this.preRoll = new short[Math.max(1, padFrames)][FRAME];
        this.noiseFloorDb = settings.floorDbfs();
    }

    @Override
    public void accept(short[] samples, int length, long firstSample) {
        int i = 0;
        while (i < length) {
            if (frameFill == 0) {
                frameStart = firstSample + i;
            }
            int n = Math.min(FRAME - frameFill, length - i);
            System.arraycopy(samples, i, frame, frameFill, n);
            frameFill += n;
            i += n;
            if (frameFill == FRAME) {
                onFrame(frame, frameStart);
                frameFill = 0;
            }
        }
    }

    /** Ends the stream: the utterance in progress, if voiced enough, is emitted. */
    public void finish() {
        if (frameFill > 0) {
            Arrays.fill(frame, frameFill, FRAME, (short) 0);
            onFrame(frame, frameStart);
            frameFill = 0;
        }
        if (inVoice) {
            emit(bufferFrames);
        }
    }

    private void onFrame(short[] samples, long start) {
        double level = levelDb(samples);
        boolean voice = isVoice(level);
        if (!inVoice) {
            if (voice) {
                startUtterance(start);
                append(samples, level);
                voicedFrames = 1;
                silentRun = 0;
            } else {
                keepAsPreRoll(samples);
            }
            return;
        }
        append(samples, level);
        if (voice) {
            voicedFrames++;
            silentRun = 0;
        } else {
            silentRun++;
        }
        if (silentRun >= gapFrames) {
            // keep padSeconds of the silence, drop the rest
            emit(bufferFrames - silentRun + Math.min(padFrames, silentRun));
        } else if (bufferFrames >= maxFrames) {
            splitAtQuietest();
        }
    }

    private boolean isVoice(double level) {
        boolean voice = level > settings.floorDbfs() && level > noiseFloorDb + settings.marginDb();
        // The floor follows quiet frames at once and rises slowly (about 1 dB a second), so it
        // tracks background noise without climbing into the voice.
        noiseFloorDb = level < noiseFloorDb ? level : noiseFloorDb + 0.03;
        return voice;
    }

    private void startUtterance(long start) {
        inVoice = true;
        bufferFrames = 0;
        bufferStart = start - (long) preRollCount * FRAME;
        int first = (preRollNext - preRollCount + preRoll.length) % preRoll.length;
        for (int k = 0; k < preRollCount; k++) {
            append(preRoll[(first + k) % preRoll.length], settings.floorDbfs());
        }
        preRollCount = 0;
    }

    private void keepAsPreRoll(short[] samples) {
        if (padFrames == 0) {
            return;
        }
        System.arraycopy(samples, 0, preRoll[preRollNext], 0, FRAME);
        preRollNext = (preRollNext + 1) % preRoll.length;
        preRollCount = Math.min(preRollCount + 1, preRoll.length);
    }

    private void append(short[] samples, double level) {
        if ((bufferFrames + 1) * FRAME > buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
            frameLevels = Arrays.copyOf(frameLevels, frameLevels.length * 2);
        }
        System.arraycopy(samples, 0, buffer, bufferFrames * FRAME, FRAME);
        frameLevels[bufferFrames] = level;
        bufferFrames++;
    }

    /** Emits the first {@code frames} buffered frames as an utterance (if voiced enough) and resets. */
    private void emit(int frames) {
        if (voicedFrames >= minVoiceFrames && frames > 0) {
            out.accept(new Utterance(utterances++, bufferStart, Arrays.copyOf(buffer, frames * FRAME)));
        }
        inVoice = false;
        bufferFrames = 0;
        voicedFrames = 0;
        silentRun = 0;
    }

    /** A too-long utterance is cut at its quietest frame in the second half; the rest starts the next one. */
    private void splitAtQuietest() {
        int cut = bufferFrames / 2;
        for (int f = bufferFrames / 2; f < bufferFrames; f++) {
            if (frameLevels[f] < frameLevels[cut]) {
                cut = f;
            }
        }
        int restFrames = bufferFrames - cut;
        long restStart = bufferStart + (long) cut * FRAME;
        int voiced = voicedFrames;
        emit(cut); // copies what it emits, so the rest can move to the front in place
        System.arraycopy(buffer, cut * FRAME, buffer, 0, restFrames * FRAME);
        System.arraycopy(frameLevels, cut, frameLevels, 0, restFrames);
        inVoice = true;
        bufferStart = restStart;
        bufferFrames = restFrames;
        voicedFrames = Math.max(1, voiced - cut);
    }

    /** RMS level of a frame in dB relative to full scale (silence: -120). */
    static double levelDb(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        double rms = Math.sqrt(sum / samples.length) / 32768.0;
        return rms <= 1e-6 ? -120 : 20 * Math.log10(rms);
    }
}
