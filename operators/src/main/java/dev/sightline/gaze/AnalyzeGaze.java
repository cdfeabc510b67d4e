package dev.sightline.gaze;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.cloud.StoreBackedFunction;
import dev.sightline.gaze.format.GazeFormatException;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.RowSink;
import dev.sightline.sink.TableOutputs;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * The gaze stage: streams each gaze object through its parser and {@link GazeAnalyzer}, emitting
 * rows to their tables' side outputs as they are produced and one outcome per object. Metrics:
 * {@code gazeSamples}, {@code gazeRecordings}, {@code gazeFixations}, {@code gazeSaccades}.
 */
public final class AnalyzeGaze extends StoreBackedFunction<MediaObject, ObjectOutcome> {
    private static final long serialVersionUID = 1L;

    /** The stage name in ledger rows and dead letters. */
    public static final String STAGE = "gaze";


    private final GazeSettings settings;
    private transient Counter samples;
    private transient Counter recordings;
    private transient Counter fixations;
    private transient Counter saccades;

    public AnalyzeGaze(ObjectStoreFactory stores, GazeSettings settings) {
        super(stores);
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        samples = getRuntimeContext().getMetricGroup().counter("gazeSamples");
        recordings = getRuntimeContext().getMetricGroup().counter("gazeRecordings");
        fixations = getRuntimeContext().getMetricGroup().counter("gazeFixations");
        saccades = getRuntimeContext().getMetricGroup().counter("gazeSaccades");
    }

    @Override
    public void processElement(MediaObject object, Context context, Collector<ObjectOutcome> out) {
        TableOutputs sink = new TableOutputs(context::output)
                .observing(GazeTables.RECORDINGS, row -> {
                    samples.inc(row.sampleCount());
                    recordings.inc();
                })
                .observing(GazeTables.FIXATIONS, row -> fixations.inc())
                .observing(GazeTables.SACCADES, row -> saccades.inc());
        out.collect(GazeOutcomes.analyze(store(), object, settings, sink));
    }

    /** How one object's gaze analysis ends, shared by the Flink stage and one-shot analysis. */
    public static final class GazeOutcomes {
        /** Error class of lines that could not be used (the rest of the file was analysed). */
        public static final String BAD_LINES = "BadGazeLines";
        /** Error class of a file that cannot be read as the format its content shows. */
        public static final String FORMAT_ERROR = "GazeFormatError";
        /** Error class of a file that holds no sample at all. */
        public static final String NO_SAMPLES = "NoGazeSamples";

        private GazeOutcomes() {}

        /** Analyses one object into {@code sink} and returns its outcome; never throws for bad input. */
        public static ObjectOutcome analyze(ObjectStore store, MediaObject object, GazeSettings settings, RowSink sink) {
            GazeFormats.Summary summary;
            try (InputStream in = store.open(object.uri())) {
                summary = GazeFormats.analyze(object.uri(), object.version(), object.format(), in, settings, sink);
            } catch (GazeFormatException e) {
                return ObjectOutcome.failed(object, STAGE, FORMAT_ERROR, object.fileName() + ": " + e.getMessage(), Instant.now());
            } catch (IOException | RuntimeException e) {
                return ObjectOutcome.failed(object, STAGE, ObjectInspector.UNREADABLE_OBJECT,
                        object.fileName() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), Instant.now());
            }
            if (summary.samples() == 0) {
                return ObjectOutcome.failed(object, STAGE, NO_SAMPLES, object.fileName() + ": no usable gaze sample"
                        + (summary.problems() == 0 ? "" : " (" + summary.problems() + " lines could not be used)"), Instant.now());
            }
            if (summary.problems() > 0) {
                return new ObjectOutcome(object, ObjectStatus.PARTIAL, STAGE, BAD_LINES, object.fileName() + ": "
                        + summary.problems() + " lines could not be used (see dead_letters); the rest was analysed", Instant.now());
            }
            return ObjectOutcome.done(object, STAGE, Instant.now());
        }
    }
}
