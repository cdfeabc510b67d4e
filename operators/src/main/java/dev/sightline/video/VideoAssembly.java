package dev.sightline.video;

import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ObjectStatus;
import dev.sightline.sink.LedgerTables;
import dev.sightline.sink.RowSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a video's analysed batches back in order and finishes its analysis: scene cuts and their
 * keyframes, tracking, the summary row and the outcome. A pure function of the batches and the
 * closing record, so a replay after a restart writes the same rows.
 */
public final class VideoAssembly {

    /** Error class of a video some of whose frames the analyzers could not analyse. */
    public static final String ANALYSIS_FAILED = "FrameAnalysisFailed";

    private VideoAssembly() {}

    /**
     * Finishes one video.
     *
     * @param end how decoding went
     * @param results every analysed batch of the video, in any order
     * @param keyframes where keyframe thumbnails go, or null for none
     * @param sink takes the video tables' rows and, for a partial video, its dead letter
     */
    public static ObjectOutcome finish(VideoEnd end, List<FrameResults> results, VideoSettings settings, KeyframeStore keyframes,
            RowSink sink) {
        if (end.failed() && end.container() == null) {
            return ObjectOutcome.failed(end.object(), VideoAnalysis.STAGE, end.errorClass(), end.problem(), Instant.now());
        }
        List<FrameResults> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt(FrameResults::sequence));
        if (ordered.size() != end.batches()) {
            throw new IllegalStateException(end.object().fileName() + ": " + ordered.size() + " analysed batches, "
                    + end.batches() + " sent");
        }
        int frames = (int) end.frames();
        long[] timestamps = new long[frames];
        double[] scores = new double[frames];
        Map<Long, byte[]> thumbnails = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int next = 0;
        for (FrameResults batch : ordered) {
            for (int i = 0; i < batch.frames().length; i++, next++) {
                if (batch.frames()[i] != next) {
                    throw new IllegalStateException(end.object().fileName() + ": batch " + batch.sequence() + " holds frame "
                            + batch.frames()[i] + " where frame " + next + " belongs");
                }
                timestamps[next] = batch.timestampsUs()[i];
                scores[next] = batch.scores()[i];
            }
            for (int i = 0; i < batch.thumbnailFrames().length; i++) {
                thumbnails.put(batch.thumbnailFrames()[i], batch.thumbnails()[i]);
            }
            if (batch.failure() != null && batch.frames().length > 0) {
                failures.add("frames " + batch.frames()[0] + "-" + batch.frames()[batch.frames().length - 1] + " not analysed: "
                        + batch.failure());
            }
        }
        String videoId = VideoAnalysis.videoId(end.object());
        long scenes = new SceneAssembly(end, videoId, settings.scenes(), thumbnails, keyframes, sink).run(timestamps, scores);
        long tracks = 0;
        if (settings.detection().enabled()) {
            DetectionTracking tracking = new DetectionTracking(end, videoId, settings.detection(), sink);
            for (FrameResults batch : ordered) {
                for (int s = 0; s < batch.sampled().length; s++) {
                    int position = batch.sampled()[s];
                    tracking.frame(batch.frames()[position], batch.timestampsUs()[position], batch.detections(s));
                }
            }
            tracks = tracking.finish();
        }
        String problem = end.problem();
        String errorClass = VideoAnalysis.BROKEN_VIDEO;
        if (!failures.isEmpty()) {
            String analysis = String.join("; ", failures);
            problem = problem == null ? analysis : problem + "; " + analysis;
            errorClass = end.problem() == null ? ANALYSIS_FAILED : errorClass;
        }
        double frameUs = end.fps() > 0 ? 1e6 / end.fps() : 0;
        sink.add(VideoTables.SUMMARY, new VideoRows.Summary(end.object().uri(), end.object().version(), videoId, end.container(), end.codec(),
                end.width(), end.height(), end.fps(), frames == 0 ? 0 : (end.lastTimestampUs() + frameUs) / 1e6, frames,
                end.rotationDeg(), scenes, tracks, problem != null, problem, (System.currentTimeMillis() - end.startedAtMillis()) / 1e3));
        String file = end.object().fileName();
        if (frames == 0) {
            return ObjectOutcome.failed(end.object(), VideoAnalysis.STAGE, VideoAnalysis.UNDECODABLE, file + ": " + problem, Instant.now());
        }
        if (problem != null) {
            ObjectOutcome partial = new ObjectOutcome(end.object(), ObjectStatus.PARTIAL, VideoAnalysis.STAGE, errorClass,
                    file + ": " + problem, Instant.now());
            sink.add(LedgerTables.DEAD_LETTERS, partial.toDeadLetter());
            return partial;
        }
        return ObjectOutcome.done(end.object(), VideoAnalysis.STAGE, Instant.now());
    }
}
