package dev.sightline.attention;

import dev.sightline.sink.TableStreams;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Adds the gaze-video join to a job graph: the viewings and videos its branches gathered, keyed by stimulus key. */
public final class GazeVideoStage {

    private GazeVideoStage() {}

    /** Asks the branches of a graph to make the join's inputs; call before they are attached. */
    public static void request(TableStreams rows) {
        rows.want(Viewing.OUTPUT);
        rows.want(StimulusVideo.OUTPUT);
    }

    /**
     * Joins the {@link Viewing}s and {@link StimulusVideo}s gathered in {@code rows} and adds the
     * join's tables there; does nothing when the graph has no gaze or no video analysis.
     *
     * @return whether the join was added
     */
    public static boolean attach(TableStreams rows, JoinSettings settings) {
        DataStream<Viewing> viewings = rows.tagged(Viewing.OUTPUT);
        DataStream<StimulusVideo> videos = rows.tagged(StimulusVideo.OUTPUT);
        if (viewings == null || videos == null) {
            return false;
        }
        SingleOutputStreamOperator<String> joined = viewings
                .connect(videos)
                .keyBy(Viewing::key, StimulusVideo::key, Types.STRING)
                .process(new GazeVideoJoin(settings))
                .returns(Types.STRING)
                .name("gaze on video: join recordings with the videos they showed")
                .uid("gaze-video-join");
        rows.addResults(joined, AttentionTables.ALL);
        return true;
    }
}
