package dev.sightline.video;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.StoreUnavailableException;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.ProgressListener;
import dev.sightline.media.ContainerIntegrity;
import dev.sightline.media.FFmpegInput;
import java.util.Optional;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Decodes one video object as a stream with FFmpeg (never the whole file in memory), honours
 * rotation metadata, downscales each frame for analysis, samples frames for detection at the
 * configured rate (scaled to the detection width), and hands them on in {@link FrameBatch}es,
 * closed by a record saying how decoding went. Never throws for bad input.
 */
public final class VideoDecoder {

    private static final double MAX_UPSCALE = 2.0;

    private VideoDecoder() {}

    /** Frames between two progress reports. */
    private static final int PROGRESS_FRAMES = 25;

    /** Decodes {@code object} into batches for {@code out}, the last one closing the video. */
    public static void decode(ObjectStore store, MediaObject object, VideoSettings settings, Consumer<FrameBatch> decoded) {
        decode(store, object, settings, decoded, ProgressListener.NONE);
    }

    /** Decodes {@code object} into batches for {@code out}, telling {@code progress} the frames decoded of the container's count. */
    public static void decode(ObjectStore store, MediaObject object, VideoSettings settings, Consumer<FrameBatch> decoded,
            ProgressListener progress) {
        long startedAt = System.currentTimeMillis();
        String key = VideoAnalysis.videoId(object);
        try (FFmpegInput input = FFmpegInput.open(store, object)) {
            // nothing decoded after the store gave up on a read is the file's doing: the task fails instead
            Consumer<FrameBatch> out = batch -> {
                input.requireStoreReachable();
                decoded.accept(batch);
            };
            FFmpegFrameGrabber grabber = input.grabber();
            VideoAnalysis.configureDecoder(grabber);
            try {
                grabber.start();
            } catch (Exception e) {
                out.accept(FrameBatch.closing(key, VideoEnd.failed(object, VideoAnalysis.UNDECODABLE,
                        object.fileName() + ": FFmpeg cannot open it: " + e.getMessage(), startedAt)));
                return;
            }
            if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0) {
                out.accept(FrameBatch.closing(key, VideoEnd.failed(object, VideoAnalysis.NO_VIDEO_STREAM,
                        object.fileName() + ": the " + grabber.getFormat() + " container has no video stream", startedAt)));
                return;
            }
            stream(object, key, grabber, settings, out, startedAt, ContainerIntegrity.truncation(store, object), progress);
        } catch (Exception e) {
            StoreUnavailableException.rethrowIn(e);
            decoded.accept(FrameBatch.closing(key, VideoEnd.failed(object, VideoAnalysis.UNDECODABLE, object.fileName() + ": " + e, startedAt)));
        }
    }

    private static void stream(MediaObject object, String key, FFmpegFrameGrabber grabber, VideoSettings settings,
            Consumer<FrameBatch> out, long startedAt, Optional<String> truncation, ProgressListener progress) {
        long totalFrames = Math.max(0, grabber.getLengthInFrames());
        double rotation = grabber.getDisplayRotation();
        int width = grabber.getImageWidth();
        int height = grabber.getImageHeight();
        long expectedUs = grabber.getLengthInTime();
        double fps = grabber.getFrameRate();
        // 4:2:0 frames stay raw: their planes are resized before conversion, and the full-size
        // picture is converted only for the frames detection samples. Other pixel formats are
        // converted to BGR by FFmpeg's scaler and then resized, as PySceneDetect does.
        boolean planar = PlanarPictures.handles(grabber.getPixelFormat());
        if (!planar) {
            grabber.setImageMode(FrameGrabber.ImageMode.COLOR);
        }
        boolean sideways = Math.abs(Math.round(rotation)) % 180 == 90;
        int displayedWidth = sideways ? height : width;
        int displayedHeight = sideways ? width : height;
        int analysisWidth = Math.min(settings.analysisWidth(), displayedWidth);
        int analysisHeight = Math.max(1, (int) Math.round(displayedHeight * (analysisWidth / (double) displayedWidth)));
        DetectionSettings detection = settings.detection();
        double scale = Math.min(MAX_UPSCALE, detection.detectionWidth() / (double) displayedWidth);
        boolean rescale = Math.abs(scale - 1.0) > 1e-3;
        int detectionWidth = rescale ? (int) Math.round(displayedWidth * scale) : displayedWidth;
        int detectionHeight = rescale ? (int) Math.round(displayedHeight * scale) : displayedHeight;
        Batches batches = new Batches(key, settings.analysis().batchFrames(), analysisWidth, analysisHeight,
                detectionWidth, detectionHeight, rescale ? scale : 1.0, out);
        long stepUs = detection.enabled() ? Math.round(1_000_000 / detection.framesPerSecond()) : 0;
        long nextSampleUs = Long.MIN_VALUE;
        String problem = null;
        long frames = 0;
        long lastTimestampUs = 0;
        try (OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                PlanarPictures pictures = new PlanarPictures();
                Mat unrotated = new Mat();
                Mat small = new Mat();
                Mat fullUnrotated = new Mat();
                Mat full = new Mat();
                Mat scaled = new Mat()) {
            while (true) {
                Frame frame;
                try {
                    frame = grabber.grabImage();
                } catch (Exception e) {
                    problem = "decoding stopped after " + frames + " frames: " + e.getMessage();
                    break;
                }
                if (frame == null) {
                    break;
                }
                Mat analysed;
                Mat upright = null;
                AVFrame raw = null;
                if (planar) {
                    if (!(frame.opaque instanceof AVFrame decoded) || decoded.isNull() || decoded.data(0) == null) {
                        continue;
                    }
                    raw = decoded;
                    pictures.convert(raw, sideways ? analysisHeight : analysisWidth, sideways ? analysisWidth : analysisHeight, unrotated);
                    analysed = rotate(unrotated, rotation, small);
                } else {
                    Mat picture = converter.convert(frame);
                    if (picture == null) {
                        continue;
                    }
                    upright = rotate(picture, rotation, full);
                    analysed = upright;
                    if (analysisWidth < upright.cols()) {
                        opencv_imgproc.resize(upright, small, new Size(analysisWidth, analysisHeight), 0, 0, opencv_imgproc.INTER_LINEAR);
                        analysed = small;
                    }
                }
                Mat detectionPicture = null;
                if (stepUs > 0 && (nextSampleUs == Long.MIN_VALUE || frame.timestamp >= nextSampleUs)) {
                    nextSampleUs = (nextSampleUs == Long.MIN_VALUE ? frame.timestamp : nextSampleUs) + stepUs;
                    if (upright == null) {
                        if (isUpright(rotation)) {
                            pictures.convert(raw, width, height, full);
                            upright = full;
                        } else {
                            pictures.convert(raw, width, height, fullUnrotated);
                            upright = rotate(fullUnrotated, rotation, full);
                        }
                    }
                    detectionPicture = upright;
                    if (rescale) {
                        opencv_imgproc.resize(upright, scaled, new Size(detectionWidth, detectionHeight), 0, 0,
                                scale < 1 ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR);
                        detectionPicture = scaled;
                    }
                }
                batches.add(frames, frame.timestamp, analysed, detectionPicture);
                lastTimestampUs = frame.timestamp;
                frames++;
                if (frames % PROGRESS_FRAMES == 0) {
                    progress.progress(object.uri(), "decode", frames, Math.max(totalFrames, frames), "frames");
                }
            }
        }
        batches.flush();
        double frameUs = fps > 0 ? 1e6 / fps : 0;
        if (problem == null && frames > 0 && expectedUs > 0 && lastTimestampUs + 3 * frameUs < expectedUs) {
            problem = String.format("the stream ends at %.2f s of the %.2f s its container announces (truncated?)",
                    lastTimestampUs / 1e6, expectedUs / 1e6);
        }
        if (problem == null && frames > 0) {
            problem = truncation.orElse(null);
        }
        String errorClass = null;
        if (frames == 0) {
            errorClass = VideoAnalysis.UNDECODABLE;
            problem = problem == null ? "no frame could be decoded" : problem;
        }
        out.accept(FrameBatch.closing(key, new VideoEnd(object, batches.sent(), grabber.getFormat(), grabber.getVideoCodecName(),
                displayedWidth, displayedHeight, fps, frames, lastTimestampUs, rotation, errorClass, problem, startedAt)));
    }

    /** Turns the picture upright as its display matrix says (0, 90, 180, 270 degrees). */
    private static Mat rotate(Mat picture, double rotationDeg, Mat out) {
        if (isUpright(rotationDeg)) {
            return picture;
        }
        long r = Math.floorMod(Math.round(rotationDeg), 360);
        int code = r == 90 ? opencv_core.ROTATE_90_COUNTERCLOCKWISE : r == 180 ? opencv_core.ROTATE_180 : opencv_core.ROTATE_90_CLOCKWISE;
        opencv_core.rotate(picture, out, code);
        return out;
    }

    private static boolean isUpright(double rotationDeg) {
        return Math.floorMod(Math.round(rotationDeg), 360) == 0;
    }
}
