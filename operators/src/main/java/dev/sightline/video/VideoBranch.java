package dev.sightline.video;

import dev.sightline.attention.StimulusVideo;
import dev.sightline.cloud.ObjectStoreFactory;
import dev.sightline.ingest.MediaBranch;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.sink.TableDefinition;
import dev.sightline.sink.TableStreams;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;
import org.apache.flink.streaming.util.retryable.AsyncRetryStrategies;
import org.apache.flink.streaming.util.retryable.RetryPredicates;

/**
 * The video branch of the job: streaming decode into frame batches, frame analysis through an
 * async operator (GPU or CPU analyzers, unordered, with time-out, capacity and retries with
 * exponential backoff), then, keyed by video, scene cuts, keyframes, tracking and the summary.
 */
public final class VideoBranch implements MediaBranch {

    private final ObjectStoreFactory stores;
    private final VideoSettings settings;
    private final FrameAnalyzerFactory analyzers;

    /** The branch with analyzers on the device the settings name. */
    public VideoBranch(ObjectStoreFactory stores, VideoSettings settings) {
        this(stores, settings, new DeviceFrameAnalyzers(settings));
    }

    /** The branch with the given analyzers (tests use slow and failing ones). */
    public VideoBranch(ObjectStoreFactory stores, VideoSettings settings, FrameAnalyzerFactory analyzers) {
        this.stores = stores;
        this.settings = settings;
        this.analyzers = analyzers;
    }

    @Override
    public MediaType mediaType() {
        return MediaType.VIDEO;
    }

    @Override
    public List<TableDefinition<?>> tables() {
        return VideoTables.ALL;
    }

    @Override
    public DataStream<ObjectOutcome> attach(DataStream<MediaObject> objects, TableStreams tables) {
        FrameAnalysisSettings analysis = settings.analysis();
        SingleOutputStreamOperator<FrameBatch> batches = objects
                .rebalance()
                .process(new DecodeVideo(stores, settings))
                .name("video: decode into frame batches")
                .uid("video-decode");
        SingleOutputStreamOperator<ObjectOutcome> outcomes = AsyncDataStream.unorderedWaitWithRetry(batches,
                        new AnalyzeFrames(analyzers, settings), analysis.timeout().toMillis(), TimeUnit.MILLISECONDS,
                        analysis.inFlight(), retries(analysis))
                .returns(TypeInformation.of(FrameResults.class))
                .name("video: analyse frames (" + analysis.device().label() + ")")
                .uid("video-analyze-frames")
                .keyBy(FrameResults::key)
                .process(new AssembleVideo(stores, settings, tables.wants(StimulusVideo.OUTPUT)))
                .name("video: scenes, keyframes, tracks, summary")
                .uid("video-assemble");
        tables.addResults(outcomes, VideoTables.ALL);
        tables.addTagged(StimulusVideo.OUTPUT, outcomes.getSideOutput(StimulusVideo.OUTPUT));
        return outcomes;
    }

    /**
     * Retries of a failed batch, with waits growing twice each time. Flink may retry up to the
     * configured attempts; {@link AnalyzeFrames} stops before that, turning the last failure into
     * a batch reported as not analysed.
     */
    private static AsyncRetryStrategy<FrameResults> retries(FrameAnalysisSettings analysis) {
        return new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<FrameResults>(analysis.attempts(),
                Math.max(1, analysis.firstBackoff().toMillis()), Math.max(1, analysis.maxBackoff().toMillis()), 2.0)
                .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE)
                .build();
    }
}
