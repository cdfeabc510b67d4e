package dev.sightline.gaze;

import dev.sightline.attention.Viewing;
import dev.sightline.attention.ViewingCollector;
import dev.sightline.cloud.ObjectNotFoundException;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.cloud.RangedObjectStream;
import dev.sightline.cloud.StoreBackedFunction;
import dev.sightline.cloud.StoreUnavailableException;
import dev.sightline.gaze.format.GazeFormatException;
import dev.sightline.gaze.stimulus.StimulusEntry;
import dev.sightline.gaze.stimulus.StimulusLinks;
import dev.sightline.gaze.stimulus.StimulusManifest;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.InFlightObjects;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectInspector;
import dev.sightline.ingest.ObjectNames;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.ingest.ProgressInputStream;
import dev.sightline.ingest.ProgressListener;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.RowSink;
import dev.sightline.sink.TableOutputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * The gaze stage: streams each gaze object through its parser and {@link GazeAnalyzer}, emitting
 * rows to their tables' side outputs as they are produced and one outcome per object; when the
 * gaze-video join reads them, the recordings linked to a video also go, as {@link Viewing}s, to
 * {@link Viewing#OUTPUT}. Metrics:
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
    private transient InFlightObjects inFlight;

    private final boolean viewings;

    /** @param viewings whether to emit the {@link Viewing}s of linked recordings (the gaze-video join reads them) */
    public AnalyzeGaze(ObjectStoreFactory stores, GazeSettings settings, boolean viewings) {
        super(stores);
        this.settings = settings;
        this.viewings = viewings;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        samples = getRuntimeContext().getMetricGroup().counter("gazeSamples");
        recordings = getRuntimeContext().getMetricGroup().counter("gazeRecordings");
        fixations = getRuntimeContext().getMetricGroup().counter("gazeFixations");
        saccades = getRuntimeContext().getMetricGroup().counter("gazeSaccades");
        inFlight = InFlightObjects.register(getRuntimeContext().getMetricGroup());
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
        ViewingCollector linked = new ViewingCollector();
        if (viewings) {
            sink.observingRows(linked);
        }
        inFlight.progress(object.uri(), "read", 0, object.sizeBytes(), "bytes");
        try {
            out.collect(GazeOutcomes.analyze(store(), object, settings, sink, inFlight));
        } finally {
            inFlight.finished(object.uri());
        }
        for (Viewing viewing : linked.viewings()) {
            context.output(Viewing.OUTPUT, viewing);
        }
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

        /** Error class of a stimulus manifest beside a recording that cannot be read (the recording is analysed without it). */
        public static final String BAD_MANIFEST = "StimulusManifestInvalid";

        /** Analyses one object into {@code sink} and returns its outcome; never throws for bad input, only when the store is unavailable. */
        public static ObjectOutcome analyze(ObjectStore store, MediaObject object, GazeSettings settings, RowSink sink) {
            return analyze(store, object, settings, sink, ProgressListener.NONE);
        }

        /** As {@link #analyze(ObjectStore, MediaObject, GazeSettings, RowSink)}, telling {@code progress} the bytes read of the object's size. */
        public static ObjectOutcome analyze(ObjectStore store, MediaObject object, GazeSettings settings, RowSink sink, ProgressListener progress) {
            GazeSettings linked = withManifestBeside(store, object, settings, sink);
            GazeFormats.Summary summary;
            try (InputStream in = new ProgressInputStream(new RangedObjectStream(store, object.uri(), object.sizeBytes()), object.uri(), "read",
                    object.sizeBytes(), progress)) { // reads again where a connection broke
                summary = GazeFormats.analyze(object.uri(), object.version(), object.format(), in, linked, sink);
            } catch (GazeFormatException e) {
                StoreUnavailableException.rethrowIn(e);
                return ObjectOutcome.failed(object, STAGE, FORMAT_ERROR, object.fileName() + ": " + e.getMessage(), Instant.now());
            } catch (IOException | RuntimeException e) {
                StoreUnavailableException.rethrowIn(e); // a broken connection is not bad input: the task fails and reads it again
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

        /**
         * The settings with the entries of the stimulus manifest beside the recording tried first;
         * a manifest that cannot be read is reported as a dead letter and left out.
         */
        static GazeSettings withManifestBeside(ObjectStore store, MediaObject object, GazeSettings settings, RowSink sink) {
            String name = settings.stimuli().manifestName();
            if (name.isEmpty()) {
                return settings;
            }
            String manifest = StimulusLinks.besideRecording(object.uri(), name);
            try (InputStream in = store.open(manifest)) {
                List<StimulusEntry> entries = StimulusManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                return settings.withStimuli(settings.stimuli().withFirst(entries));
            } catch (ObjectNotFoundException e) {
                return settings;
            } catch (IOException | IllegalArgumentException e) {
                StoreUnavailableException.rethrowIn(e);
                sink.add(LedgerTables.DEAD_LETTERS, new DeadLetter(object.uri(), object.version(), STAGE, BAD_MANIFEST,
                        object.fileName() + ": the stimulus manifest " + ObjectNames.fileName(manifest) + " beside it was left out: "
                                + e.getMessage(), Instant.now()));
                return settings;
            }
        }
    }
}
