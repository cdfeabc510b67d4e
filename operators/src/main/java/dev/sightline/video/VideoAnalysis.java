package dev.sightline.video;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ObjectOutcome;
import dev.sightline.ingest.ProgressListener;
import dev.sightline.ingest.StableId;
import dev.sightline.sink.RowSink;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Analyses one video object in the calling thread, through the same three steps the job spreads
 * over its operators: {@link VideoDecoder} (frames in batches), a {@link FrameAnalyzer} per
 * batch, then {@link VideoAssembly}. For the command line, benchmarks and tests.
 */
public final class VideoAnalysis {

    /** The stage name in ledger rows and dead letters. */
    public static final String STAGE = "video";
    /** Error class of a file FFmpeg cannot open as a video. */
    public static final String UNDECODABLE = "UndecodableVideo";
    /** Error class of a container without a video stream (e.g. audio-only MP4). */
    public static final String NO_VIDEO_STREAM = "NoVideoStream";
    /** Error class of a video that broke midway (the frames before the break were analysed). */
    public static final String BROKEN_VIDEO = "BrokenVideo";

    private VideoAnalysis() {}

    /** Analyses {@code object} into {@code sink} with the CPU analyzer; never throws for bad input. */
    public static ObjectOutcome analyze(ObjectStore store, MediaObject object, VideoSettings settings, RowSink sink) {
        try (FrameAnalyzer analyzer = new CpuFrameAnalyzer(settings.detection())) {
            return analyze(store, object, settings, analyzer, sink);
        }
    }

    /** Analyses {@code object} into {@code sink} with {@code analyzer}; never throws for bad input. */
    public static ObjectOutcome analyze(ObjectStore store, MediaObject object, VideoSettings settings, FrameAnalyzer analyzer,
            RowSink sink) {
        return analyze(store, object, settings, analyzer, sink, ProgressListener.NONE);
    }

    /** Analyses {@code object} into {@code sink} with {@code analyzer}, telling {@code progress} how far decoding is; never throws for bad input. */
    public static ObjectOutcome analyze(ObjectStore store, MediaObject object, VideoSettings settings, FrameAnalyzer analyzer,
            RowSink sink, ProgressListener progress) {
        List<FrameResults> results = new ArrayList<>();
        VideoEnd[] end = new VideoEnd[1];
        try (SceneThumbnails thumbnails = new SceneThumbnails(settings.scenes())) {
            VideoDecoder.decode(store, object, settings, batch -> {
                if (batch.end() != null) {
                    end[0] = batch.end();
                } else {
                    results.add(analyzeBatch(analyzer, thumbnails, batch));
                }
            }, progress);
        }
        KeyframeStore keyframes = KeyframeStore.forVideo(store, settings.processedUri(), videoId(object));
        return VideoAssembly.finish(end[0], results, settings, keyframes, sink);
    }

    /** One batch through the analyzer, with its scene thumbnails; a batch the analyzer fails on is reported as such. */
    static FrameResults analyzeBatch(FrameAnalyzer analyzer, SceneThumbnails thumbnails, FrameBatch batch) {
        try {
            return analysed(analyzer, thumbnails, batch);
        } catch (Exception e) {
            return FrameResults.failed(batch, e.toString());
        }
    }

    /** One batch through the analyzer, with its scene thumbnails; throws what the analyzer throws. */
    static FrameResults analysed(FrameAnalyzer analyzer, SceneThumbnails thumbnails, FrameBatch batch) throws Exception {
        FrameAnalysis analysis = analyzer.analyze(batch);
        return FrameResults.of(batch, analysis, thumbnails.of(batch, analysis.scores()));
    }

    /**
     * Decodes as the analysis does: frames left in the decoder's pixel format, and four frame
     * threads per core (at most 16) so the decoder keeps working while a frame is analysed
     * (measured on 2 cores: about 15% more frames/s with scene detection than FFmpeg's default).
     */
    public static void configureDecoder(FFmpegFrameGrabber grabber) {
        grabber.setVideoOption("threads", Integer.toString(decoderThreads()));
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
    }

    /** The decoder's frame threads: four per core, at most 16. */
    public static int decoderThreads() {
        return Math.min(16, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** A stable id of one object version, naming its keyframes' folder. */
    public static String videoId(MediaObject object) {
        return StableId.of(object.uri(), object.version());
    }
}
