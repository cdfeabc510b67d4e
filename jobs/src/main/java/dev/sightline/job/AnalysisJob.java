package dev.sightline.job;

import dev.sightline.attention.AttentionTables;
import dev.sightline.attention.GazeVideoStage;
import dev.sightline.attention.JoinSettings;
import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.ingest.DeadLetter;
import dev.sightline.ingest.FirstSeenFilter;
import dev.sightline.ingest.IdentifyObjects;
import dev.sightline.ingest.MediaBranch;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaRouter;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectNotice;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.offload.ComputeRunTables;
import dev.sightline.offload.InTaskRuns;
import dev.sightline.offload.OffloadPlan;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableStreams;
import dev.sightline.sink.TableWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The analysis job graph: notices → first-seen filter → identify → route by media type →
 * per-type branches → the gaze-video join → ledger and dead letters. Its source and sinks are parameters, so tests run
 * the very same graph.
 */
public final class AnalysisJob {

    /** The stage name of identification in ledger rows and dead letters. */
    public static final String IDENTIFY_STAGE = "identify";

    private final ObjectStoreFactory stores;
    private final Duration dedupeTtl;
    private final Map<MediaType, MediaBranch> branches = new EnumMap<>(MediaType.class);
    private OffloadPlan offload;
    private InTaskRuns inTaskRuns;
    private JoinSettings gazeOnVideo;
    private List<String> sideFiles = List.of();

    /**
     * @param stores opens objects in the task managers
     * @param dedupeTtl how long an object version is remembered by the first-seen filter
     */
    public AnalysisJob(ObjectStoreFactory stores, Duration dedupeTtl) {
        this.stores = stores;
        this.dedupeTtl = dedupeTtl;
        for (MediaType type : List.of(MediaType.VIDEO, MediaType.AUDIO, MediaType.GAZE)) {
            branches.put(type, new LedgerOnlyBranch(type));
        }
    }

    /** Replaces the branch of a media type. */
    public AnalysisJob withBranch(MediaBranch branch) {
        if (branch.mediaType() == MediaType.UNKNOWN) {
            throw new IllegalArgumentException("unknown objects have no analysis branch");
        }
        branches.put(branch.mediaType(), branch);
        return this;
    }

    /** Offloads the analyses its routing rules choose to a compute backend. */
    public AnalysisJob withOffload(OffloadPlan plan) {
        this.offload = plan;
        return this;
    }

    /** Writes a {@code compute_runs} row for every object analysed in the task managers (offloaded ones always get one). */
    public AnalysisJob withComputeRuns(InTaskRuns runs) {
        this.inTaskRuns = runs;
        return this;
    }

    /** Joins linked gaze recordings with the videos they showed (when the graph analyses both). */
    public AnalysisJob withGazeOnVideo(JoinSettings settings) {
        this.gazeOnVideo = settings;
        return this;
    }

    /** File names the analyses read beside recordings (stimulus manifests): such objects end as done, not unsupported. */
    public AnalysisJob withSideFiles(List<String> names) {
        this.sideFiles = List.copyOf(names);
        return this;
    }

    private boolean joinsGazeWithVideo() {
        return gazeOnVideo != null && !branches.get(MediaType.GAZE).tables().isEmpty() && !branches.get(MediaType.VIDEO).tables().isEmpty();
    }

    /** The result tables this graph writes, to be prepared in the catalog before it starts. */
    public List<TableDefinition<?>> tables() {
        List<TableDefinition<?>> tables = new ArrayList<>(List.of(LedgerTables.MEDIA_OBJECTS, LedgerTables.DEAD_LETTERS));
        branches.values().forEach(branch -> tables.addAll(branch.tables()));
        if (inTaskRuns != null || offload != null) {
            tables.add(ComputeRunTables.COMPUTE_RUNS);
        }
        if (joinsGazeWithVideo()) {
            tables.addAll(AttentionTables.ALL);
        }
        return tables;
    }

    /** Adds the graph behind {@code notices}, writing through {@code tables}; returns every object's outcome (its ledger row). */
    public DataStream<ObjectOutcome> attach(DataStream<ObjectNotice> notices, TableWriter tables) {
        return attach(notices, null, tables);
    }

    /**
     * Adds the graph behind {@code notices}, writing through {@code tables}; {@code inputDeadLetters}
     * (announcements that could not be read, may be null) join the dead letters. Returns every
     * object's outcome (its ledger row).
     */
    public DataStream<ObjectOutcome> attach(DataStream<ObjectNotice> notices, DataStream<DeadLetter> inputDeadLetters, TableWriter tables) {
        DataStream<MediaObject> identified = notices
                .keyBy(ObjectNotice::versionKey)
                .process(new FirstSeenFilter(dedupeTtl))
                .name("drop repeated object versions")
                .uid("first-seen-filter")
                .process(new IdentifyObjects(stores))
                .name("identify objects")
                .uid("identify-objects");

        TableStreams rows = new TableStreams();
        if (joinsGazeWithVideo()) {
            GazeVideoStage.request(rows);
        }
        List<DataStream<ObjectOutcome>> outcomes = new ArrayList<>();
        if (offload != null) {
            OffloadPlan.Attached offloaded = offload.attach(identified, stores, rows, tables());
            identified = offloaded.inTask();
            outcomes.add(offloaded.outcomes());
        }
        SingleOutputStreamOperator<MediaObject> routed = identified
                .process(new MediaRouter())
                .returns(TypeInformation.of(MediaObject.class))
                .name("route by media type")
                .uid("route-by-media-type");

        List<DataStream<ObjectOutcome>> analysed = new ArrayList<>();
        for (MediaBranch branch : branches.values()) {
            DataStream<MediaObject> input = routed.getSideOutput(MediaRouter.output(branch.mediaType()));
            for (MediaType also : branch.alsoReads()) {
                input = input.union(routed.getSideOutput(MediaRouter.output(also)));
            }
            analysed.add(branch.attach(input, rows));
        }
        if (joinsGazeWithVideo()) {
            GazeVideoStage.attach(rows, gazeOnVideo);
        }
        if (inTaskRuns != null) {
            rows.add(ComputeRunTables.COMPUTE_RUNS, union(analysed)
                    .map(inTaskRuns)
                    .returns(ComputeRunTables.COMPUTE_RUNS.rowType())
                    .name("compute runs in the task")
                    .uid("in-task-compute-runs"));
        }
        outcomes.addAll(analysed);
        outcomes.add(routed.getSideOutput(MediaRouter.output(MediaType.UNKNOWN))
                .map(new UnsupportedObjects(sideFiles))
                .name("reject unsupported objects")
                .uid("reject-unsupported"));

        DataStream<ObjectOutcome> finished = union(outcomes)
                .map(new OutcomeMetrics())
                .name("count outcomes")
                .uid("count-outcomes");
        rows.addRecords(LedgerTables.MEDIA_OBJECTS, finished);

        DataStream<DeadLetter> deadLetters = finished
                .filter(outcome -> outcome.status() == ObjectStatus.FAILED)
                .name("failed outcomes")
                .uid("failed-outcomes")
                .map(ObjectOutcome::toDeadLetter)
                .name("to dead letters")
                .uid("to-dead-letters");
        if (inputDeadLetters != null) {
            deadLetters = deadLetters.union(inputDeadLetters);
        }
        rows.addRecords(LedgerTables.DEAD_LETTERS, deadLetters);
        rows.writeTo(tables);
        return finished;
    }

    private static <T> DataStream<T> union(List<DataStream<T>> streams) {
        DataStream<T> first = streams.get(0);
        return streams.size() == 1 ? first : first.union(streams.subList(1, streams.size()).toArray(DataStream[]::new));
    }
}
