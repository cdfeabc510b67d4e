package dev.sightline.audio;

import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.result.Result;
import edu.cmu.sphinx.result.WordResult;
import edu.cmu.sphinx.util.LogMath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Offline transcription with CMU Sphinx4 and its US-English acoustic model, dictionary and
 * language model, read from the sphinx4-data jar on the class path (nothing is downloaded). Word
 * timings come from the recogniser's best path, confidences from the word lattice's posteriors.
 * The decoder is allocated once and reused for every utterance; it is not thread-safe.
 */
public final class SphinxTranscriber implements Transcriber {

    /** The language of Sphinx's model, as the tables record it. */
    public static final String LANGUAGE = "en-US";

    private static final String MODELS = "resource:/edu/cmu/sphinx/models/en-us/";

    /**
     * Sphinx's live front end without its speech classifier and marker (utterances arrive already
     * cut at silences) and with the batch cepstral mean normalisation: the mean of each utterance
     * itself. The live one carries a running mean from utterance to utterance, so an utterance's
     * words would depend on which utterances the task happened to transcribe before it.
     */
    private static final List<String> BATCH_PIPELINE = List.of("dataSource", "dataBlocker", "preemphasizer", "windower", "fft",
            "autoCepstrum", "batchCMN", "featureExtraction", "featureTransform");

    /**
     * Search settings that differ from Sphinx's defaults.
     *
     * @param languageWeight weight of the language model against the acoustic score (Sphinx: 8)
     * @param absoluteBeamWidth most hypotheses kept per frame (Sphinx: 20000)
     * @param relativeBeamWidth hypotheses below this fraction of the best are pruned (Sphinx: 1e-60)
     */
    public record Settings(double languageWeight, int absoluteBeamWidth, double relativeBeamWidth) implements Serializable {

        /** Sphinx's beams with a heavier language model (12; Sphinx: 8): fewer errors and faster on the LibriVox set (docs/benchmarks.md). */
        public static Settings defaults() {
            return new Settings(12.0, 20_000, 1e-60);
        }

        public Settings {
            if (!(languageWeight > 0 && languageWeight <= 50)) {
                throw new IllegalArgumentException("language weight must be in (0, 50], got " + languageWeight);
            }
            if (absoluteBeamWidth < 100) {
                throw new IllegalArgumentException("absolute beam width must be at least 100, got " + absoluteBeamWidth);
            }
            if (!(relativeBeamWidth > 0 && relativeBeamWidth < 1)) {
                throw new IllegalArgumentException("relative beam width must be in (0, 1), got " + relativeBeamWidth);
            }
        }

        /** The properties of the components of Sphinx's default configuration that use these values. */
        Map<String, String> componentProperties() {
            String absolute = Integer.toString(absoluteBeamWidth);
            String relative = Double.toString(relativeBeamWidth);
            return Map.of("lexTreeLinguist->languageWeight", Double.toString(languageWeight),
                    "wordPruningLookaheadSearchManager->relativeBeamWidth", relative,
                    "activeList->absoluteBeamWidth", absolute,
                    "activeList->relativeBeamWidth", relative,
                    "standardActiveListFactory->absoluteBeamWidth", absolute,
                    "standardActiveListFactory->relativeBeamWidth", relative);
        }
    }

    private final Recognizer recognizer;
    private final LogMath logMath = LogMath.getLogMath();

    /** Sphinx with {@link Settings#defaults()}. */
    public SphinxTranscriber() throws IOException {
        this(Settings.defaults());
    }

    /** Loads the model: a few seconds and about 200 MB of heap, so build one per task and keep it. */
    public SphinxTranscriber(Settings settings) throws IOException {
        Configuration configuration = new Configuration();
        configuration.setAcousticModelPath(MODELS + "en-us");
        configuration.setDictionaryPath(MODELS + "cmudict-en-us.dict");
        configuration.setLanguageModelPath(MODELS + "en-us.lm.bin");
        configuration.setSampleRate(AudioDecoder.SAMPLE_RATE);
        Context context = new Context(configuration);
        // Set on this recogniser's own components before they are built (a global property set
        // here would rebuild parts of the front end that others already hold).
        settings.componentProperties().forEach(context::setLocalProperty);
        context.setLocalProperty("liveFrontEnd->pipeline", String.join(";", BATCH_PIPELINE));
        recognizer = new Recognizer(context);
    }

    @Override
    public String backend() {
        return TranscriberKind.SPHINX4.label();
    }

    @Override
    public String language() {
        return LANGUAGE;
    }

    @Override
    public List<TimedWord> transcribe(Utterance utterance) {
        List<TimedWord> words = new ArrayList<>();
        double offset = utterance.startSeconds();
        short[] samples = ditherDigitalSilence(utterance.samples(), utterance.firstSample());
        recognizer.start(new InterruptibleAudio(new ByteArrayInputStream(Pcm.littleEndian(samples))));
        SpeechResult result;
        while ((result = recognizer.next()) != null) {
            for (WordResult word : result.getWords()) {
                String spelling = word.getWord().getSpelling();
                if (word.isFiller() || spelling.startsWith("<") || spelling.startsWith("[")) {
                    continue; // silence and noise markers
                }
                double confidence = logMath.logToLinear((float) word.getConfidence());
                words.add(new TimedWord(spelling.replaceAll("\\(\\d+\\)$", ""),
                        offset + word.getTimeFrame().getStart() / 1000.0, offset + word.getTimeFrame().getEnd() / 1000.0,
                        Math.max(0, Math.min(1, confidence))));
            }
        }
        return words;
    }

    /** Runs of exact zeros at least this long are digital silence. */
    static final int DIGITAL_SILENCE_RUN = 8;

    /**
     * The samples with every run of {@value #DIGITAL_SILENCE_RUN} or more exact zeros (digital
     * silence: synthesised speech, muted or gated recordings) replaced by noise of one least
     * significant bit. Sphinx's front end takes the logarithm of each frame's spectrum, and a frame
     * of zeros gives minus infinity: the whole utterance then decodes to nothing. The noise is drawn
     * from a generator seeded by {@code seed} (the utterance's position), so a replay transcribes the
     * same words; audio without such runs is passed through untouched.
     */
    static short[] ditherDigitalSilence(short[] samples, long seed) {
        short[] out = null;
        java.util.SplittableRandom noise = null;
        int run = 0;
        for (int i = 0; i <= samples.length; i++) {
            if (i < samples.length && samples[i] == 0) {
                run++;
                continue;
            }
            if (run >= DIGITAL_SILENCE_RUN) {
                if (out == null) {
                    out = samples.clone();
                    noise = new java.util.SplittableRandom(seed);
                }
                for (int k = i - run; k < i; k++) {
                    out[k] = (short) (noise.nextInt(3) - 1);
                }
            }
            run = 0;
        }
        return out == null ? samples : out;
    }

    /**
     * Audio that stops a decode once its thread is interrupted, as Flink does to a task it cancels:
     * Sphinx reads a few milliseconds of audio at a time and does not look at interrupts itself, so
     * a long utterance held up a restart for seconds.
     */
    private static final class InterruptibleAudio extends java.io.FilterInputStream {
        InterruptibleAudio(java.io.InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            checkInterrupt();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkInterrupt();
            return super.read(buffer, offset, length);
        }

        private static void checkInterrupt() throws java.io.InterruptedIOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("transcription interrupted: the task is being cancelled");
            }
        }
    }

    @Override
    public void close() {
        recognizer.release();
    }

    /** Sphinx's recogniser built from a prepared context, allocated once for many utterances. */
    private static final class Recognizer extends AbstractSpeechRecognizer {
        private boolean allocated;

        Recognizer(Context context) throws IOException {
            super(context);
        }

        void start(java.io.InputStream pcm) {
            if (!allocated) {
                recognizer.allocate();
                allocated = true;
            }
            context.setSpeechSource(pcm);
        }

        /**
         * The next result of the utterance, or null at its end. A result without a final token
         * (no hypothesis reached the end of a word: tone bursts, hum) has no words; Sphinx's
         * lattice would fail on it (a NullPointerException, or an AssertionError with -ea), so it
         * is skipped.
         */
        SpeechResult next() {
            Result result;
            while ((result = recognizer.recognize()) != null) {
                if (result.getBestFinalToken() != null) {
                    return new SpeechResult(result);
                }
            }
            return null;
        }

        void release() {
            if (allocated) {
                recognizer.deallocate();
                allocated = false;
            }
        }
    }
}
