package dev.sightline.bench;

import dev.sightline.audio.AudioDecoder;
import dev.sightline.audio.Pcm;
import dev.sightline.audio.ReferenceTranscripts;
import dev.sightline.audio.ReferenceTranscripts.Reference;
import dev.sightline.audio.SphinxTranscriber;
import dev.sightline.audio.TimedWord;
import dev.sightline.audio.Utterance;
import dev.sightline.audio.VoiceActivitySplitter;
import dev.sightline.audio.WordErrorRate;
import dev.sightline.cloud.LocalObjectStore;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.job.LocalCluster;
import dev.sightline.job.SightlineJob;
import dev.sightline.sink.IcebergWarehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.iceberg.data.Record;

/**
 * Speech: word error rate of the default transcriber against reference transcripts, its
 * real-time factor on one core, and the Flink path's rate on one long recording at parallelism 1
 * and 2 (utterances transcribed in parallel).
 */
public final class SpeechBenchmark {

    private SpeechBenchmark() {}

    public static void run(PrintWriter out, Path data, Path workDir, int repeats, List<Integer> parallelisms) throws Exception {
        List<Reference> references = ReferenceTranscripts.read(data);
        out.printf("Speech: %d utterances in %s; transcriber sphinx4 (%s)%n", references.size(), data, SphinxTranscriber.Settings.defaults());
        List<short[]> audio = accuracy(out, references);
        out.flush();
        if (!parallelisms.isEmpty()) {
            int most = parallelisms.stream().max(Integer::compare).orElseThrow();
            if (most > 1) {
                threads(out, audio, 1);
                threads(out, audio, most);
            }
            Path recording = longRecording(workDir.resolve("staging"), audio, repeats);
            Path warm = longRecording(workDir.resolve("staging-warm"), audio, 1);
            double seconds = (Files.size(recording) - 44) / 32_000.0;
            Map<Integer, Double> rates = new HashMap<>();
            for (int parallelism : parallelisms) {
                double wall = flink(workDir.resolve("p" + parallelism), parallelism, warm, recording);
                rates.put(parallelism, seconds / wall);
                out.printf("Flink path, parallelism %d: one %.0f s recording (the %d utterances %d times over) dropped -> transcript"
                        + " committed in %.1f s: %.2f audio seconds per second%n", parallelism, seconds, audio.size(), repeats, wall, seconds / wall);
                out.flush();
            }
            if (rates.containsKey(1) && rates.size() > 1) {
                out.printf("  speed-up at parallelism %d over 1: %.2fx (%d cores here)%n", most, rates.get(most) / rates.get(1),
                        Runtime.getRuntime().availableProcessors());
            }
        }
        out.flush();
    }

    /** Word error rate and real-time factors, one thread; returns each utterance's 16 kHz samples. */
    private static List<short[]> accuracy(PrintWriter out, List<Reference> references) throws Exception {
        List<short[]> audio = new ArrayList<>();
        try (LocalObjectStore store = new LocalObjectStore(); SphinxTranscriber sphinx = new SphinxTranscriber()) {
            ObjectInspector inspector = new ObjectInspector(store);
            double decodeSeconds = 0;
            double transcribeSeconds = 0;
            double audioSeconds = 0;
            WordErrorRate total = new WordErrorRate(0, 0);
            boolean warm = false;
            out.printf("%-45s %6s %6s  %s%n", "utterance", "sec", "WER", "hypothesis");
            for (Reference reference : references) {
                long t0 = System.nanoTime();
                List<Utterance> utterances = new ArrayList<>();
                List<short[]> chunks = new ArrayList<>();
                VoiceActivitySplitter splitter = new VoiceActivitySplitter(VoiceActivitySplitter.Settings.defaults(), utterances::add);
                AudioDecoder.Result decoded = new AudioDecoder(store).decode(inspector.inspect(LocalPaths.toUri(reference.wav())),
                        (chunk, length, first) -> {
                            splitter.accept(chunk, length, first);
                            chunks.add(Arrays.copyOf(chunk, length));
                        });
                splitter.finish();
                long t1 = System.nanoTime();
                if (!warm) { // the first recognition pays for the decoder's allocation: not part of the rate
                    sphinx.transcribe(utterances.get(0));
                    warm = true;
                }
                long t2 = System.nanoTime();
                List<TimedWord> words = new ArrayList<>();
                for (Utterance utterance : utterances) {
                    words.addAll(sphinx.transcribe(utterance));
                }
                long t3 = System.nanoTime();
                String hypothesis = words.stream().map(TimedWord::word).collect(Collectors.joining(" "));
                WordErrorRate rate = WordErrorRate.of(reference.text(), hypothesis);
                total = total.plus(rate);
                decodeSeconds += (t1 - t0) / 1e9;
                transcribeSeconds += (t3 - t2) / 1e9;
                audioSeconds += decoded.seconds();
                audio.add(Pcm.concat(chunks));
                out.printf("%-45s %6.1f %6.3f  %s%n", reference.id(), decoded.seconds(), rate.rate(), hypothesis);
            }
            double rtf = transcribeSeconds / audioSeconds;
            double all = (decodeSeconds + transcribeSeconds) / audioSeconds;
            out.printf("corpus word error rate %.3f (%d errors / %d reference words; text lower-cased, punctuation dropped)%n",
                    total.rate(), total.errors(), total.referenceWords());
            out.printf("one core: %.1f s of audio; decode + split %.2f s, transcription %.2f s; real-time factor %.2f (transcription),"
                    + " %.2f (decode + transcription): %.2f audio hours per hour per core%n",
                    audioSeconds, decodeSeconds, transcribeSeconds, rtf, all, 1 / all);
        }
        return audio;
    }

    /**
     * Sphinx alone on {@code count} threads, each with its own recogniser, each transcribing every
     * utterance: the most any job could get from this many slots on this machine.
     */
    private static void threads(PrintWriter out, List<short[]> audio, int count) throws Exception {
        List<Utterance> utterances = new ArrayList<>();
        double seconds = 0;
        for (short[] samples : audio) {
            utterances.add(new Utterance(utterances.size(), 0, samples));
            seconds += samples.length / 16_000.0;
        }
        List<SphinxTranscriber> transcribers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            for (int i = 0; i < count; i++) {
                SphinxTranscriber sphinx = new SphinxTranscriber();
                sphinx.transcribe(utterances.get(0)); // allocates the decoder
                transcribers.add(sphinx);
            }
            long start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (SphinxTranscriber sphinx : transcribers) {
                runs.add(pool.submit(() -> {
                    for (Utterance utterance : utterances) {
                        sphinx.transcribe(utterance);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            out.printf("Sphinx alone, %d thread%s (a recogniser each, every utterance): %.2f audio seconds per second%n",
                    count, count == 1 ? "" : "s", count * seconds / wall);
            out.flush();
        } finally {
            pool.shutdownNow();
            for (SphinxTranscriber sphinx : transcribers) {
                sphinx.close();
            }
        }
    }

    /** The utterances joined with a second of silence between them, {@code repeats} times over, as one 16 kHz WAV. */
    private static Path longRecording(Path dir, List<short[]> utterances, int repeats) throws IOException {
        Files.createDirectories(dir);
        List<short[]> parts = new ArrayList<>();
        short[] pause = new short[AudioDecoder.SAMPLE_RATE];
        for (int r = 0; r < repeats; r++) {
            for (short[] u : utterances) {
                parts.add(u);
                parts.add(pause);
            }
        }
        return Pcm.writeWav(dir.resolve("reading-x" + repeats + ".wav"), Pcm.concat(parts));
    }

    /** Seconds from dropping the recording into the running job's inbox to its ledger row in Iceberg. */
    private static double flink(Path data, int parallelism, Path warm, Path recording) throws Exception {
        SightlineConfig config = SightlineConfig.of(Map.of(
                ConfigKeys.DATA_DIR.name(), data.toString(),
                ConfigKeys.CHECKPOINT_INTERVAL.name(), "1s",
                ConfigKeys.INBOX_SCAN_INTERVAL.name(), "200ms",
                ConfigKeys.WEB_UI_PORT.name(), "0",
                ConfigKeys.PARALLELISM.name(), String.valueOf(parallelism)));
        Path inbox = Files.createDirectories(config.get(ConfigKeys.INBOX_PATH));
        try (LocalCluster cluster = LocalCluster.start(config);
                IcebergWarehouse warehouse = new IcebergWarehouse(SightlineJob.catalog(config))) {
            awaitTranscript(warehouse, drop(warm, inbox, "warm.wav"), Duration.ofMinutes(10)); // loads the models in every slot
            long start = System.nanoTime();
            awaitTranscript(warehouse, drop(recording, inbox, recording.getFileName().toString()), Duration.ofMinutes(60));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static String drop(Path file, Path inbox, String name) throws IOException {
        Path staged = Files.copy(file, inbox.resolveSibling(name + ".part"), StandardCopyOption.REPLACE_EXISTING);
        return LocalPaths.toUri(Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE));
    }

    private static void awaitTranscript(IcebergWarehouse warehouse, String uri, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            for (Record row : warehouse.readAll("audio_transcripts")) {
                if (uri.equals(row.getField("uri"))) {
                    return;
                }
            }
        }
        throw new IllegalStateException("no transcript of " + uri + " within " + timeout);
    }
}
