package dev.sightline.video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Person and face detection with SORT tracking as a {@link FrameAnalyzer}: analyses frames at a
 * configured rate (by presentation time), scaled up or down to the detection width (HOG finds people
 * from about 100 px tall), and reports boxes in the
 * frame's own pixels with their track ids; tracks are written when the video ends.
 */
public final class DetectionAnalyzer implements FrameAnalyzer, AutoCloseable {

    private static final double MAX_UPSCALE = 2.0;

    private final String uri;
    private final String version;
    private final String videoId;
    private final DetectionSettings settings;
    private final VideoSink sink;
    private final List<ObjectDetector> detectors = new ArrayList<>();
    private final Map<String, SortTracker> trackers = new LinkedHashMap<>();
    private final long[] nextTrackId = {0};
    private final Mat scaled = new Mat();
    private long nextSampleUs = Long.MIN_VALUE;
    private long tracks;

    public DetectionAnalyzer(String uri, String version, String videoId, DetectionSettings settings, VideoSink sink) {
        this.uri = uri;
        this.version = version;
        this.videoId = videoId;
        this.settings = settings;
        this.sink = sink;
        if (settings.people()) {
            detectors.add(new HogPeopleDetector(settings.minScore()));
        }
        if (settings.faces()) {
            detectors.add(new CascadeFaceDetector());
        }
        if (settings.onnx() != null) {
            DetectionSettings.OnnxModel m = settings.onnx();
            try {
                detectors.add(new OnnxObjectDetector(java.nio.file.Path.of(m.path()), m.inputSize(), m.labels(), m.minScore(), m.nmsIou()));
            } catch (ai.onnxruntime.OrtException e) {
                throw new IllegalStateException("cannot load the ONNX model " + m.path() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Confirmed tracks written so far (all of them after {@link #finish}). */
    public long tracks() {
        return tracks;
    }

    @Override
    public void accept(VideoFrame frame) {
        if (nextSampleUs != Long.MIN_VALUE && frame.timestampUs() < nextSampleUs) {
            return;
        }
        long stepUs = Math.round(1_000_000 / settings.framesPerSecond());
        nextSampleUs = (nextSampleUs == Long.MIN_VALUE ? frame.timestampUs() : nextSampleUs) + stepUs;
        Mat full = frame.full();
        // Small videos are enlarged at most twice: beyond that HOG only finds upscaling artefacts.
        double factor = Math.min(MAX_UPSCALE, settings.detectionWidth() / (double) full.cols());
        Mat picture = full;
        if (Math.abs(factor - 1.0) > 1e-3) {
            opencv_imgproc.resize(full, scaled, new Size((int) Math.round(full.cols() * factor), (int) Math.round(full.rows() * factor)),
                    0, 0, factor < 1 ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR);
            picture = scaled;
        }
        double timeS = frame.timestampUs() / 1e6;
        Map<String, List<ObjectDetector.Detection>> byLabel = new LinkedHashMap<>();
        for (ObjectDetector detector : detectors) {
            for (ObjectDetector.Detection d : detector.detect(picture)) {
                ObjectDetector.Detection inFrame = new ObjectDetector.Detection(d.label(), d.score(),
                        d.box().scaled(1 / factor));
                byLabel.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(inFrame);
            }
        }
        for (String label : byLabel.keySet()) {
            trackers.computeIfAbsent(label, k -> new SortTracker(settings, nextTrackId));
        }
        for (Map.Entry<String, SortTracker> entry : trackers.entrySet()) {
            for (SortTracker.Assigned a : entry.getValue().update(byLabel.getOrDefault(entry.getKey(), List.of()), timeS)) {
                Box b = a.detection().box();
                sink.detection(new VideoRows.Detection(uri, version, videoId, frame.index(), timeS, a.detection().label(),
                        a.detection().score(), b.x(), b.y(), b.width(), b.height(), a.trackId()));
            }
        }
    }

    @Override
    public void finish() {
        for (SortTracker tracker : trackers.values()) {
            for (KalmanBoxTracker t : tracker.confirmedTracks()) {
                double n = Math.max(1, t.frames);
                sink.track(new VideoRows.Track(uri, version, videoId, t.id, t.label, t.firstTimeS, t.lastTimeS, t.frames,
                        t.sumX / n, t.sumY / n, t.sumW / n, t.sumH / n, t.sumScore / n));
                tracks++;
            }
        }
    }

    @Override
    public void close() {
        detectors.forEach(ObjectDetector::close);
        scaled.close();
    }
}
