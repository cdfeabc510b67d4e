package dev.sightline.media;

import dev.sightline.cloud.LocalPaths;
import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.RangedObjectStream;
import dev.sightline.cloud.StoreUnavailableException;
import dev.sightline.ingest.MediaObject;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * An FFmpeg grabber over a recording wherever it is stored: a local file directly, a remote object
 * through ranged reads (an MP4 index at the end of the file becomes a ranged GET, never a buffered
 * copy). Not started; closing it closes the grabber and the stream, quietly.
 */
public final class FFmpegInput implements AutoCloseable {

    private final FFmpegFrameGrabber grabber;
    private final RangedObjectStream stream;

    private FFmpegInput(FFmpegFrameGrabber grabber, RangedObjectStream stream) {
        this.grabber = grabber;
        this.stream = stream;
    }

    /** Opens the object of {@code object} for FFmpeg. */
    public static FFmpegInput open(ObjectStore store, MediaObject object) {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR); // FFmpeg's own chatter stays out of the logs
        if (object.uri().startsWith("file:")) {
            return new FFmpegInput(new FFmpegFrameGrabber(LocalPaths.toPath(object.uri()).toFile()), null);
        }
        // JavaCV installs its seek callback only for a non-zero maximum size; the stream ignores
        // the mark limit, and a seek back is a new ranged read.
        RangedObjectStream stream = new RangedObjectStream(store, object.uri(), object.sizeBytes());
        return new FFmpegInput(new FFmpegFrameGrabber(stream, Integer.MAX_VALUE), stream);
    }

    public FFmpegFrameGrabber grabber() {
        return grabber;
    }

    /**
     * Throws (unchecked) if a read of the object gave up because the store was unavailable: FFmpeg
     * then saw an early end or an error, and what it decoded says nothing about the file. Decoders
     * call this before they report an outcome.
     */
    public void requireStoreReachable() {
        if (stream != null && stream.unavailable().isPresent()) {
            throw StoreUnavailableException.unchecked(stream.unavailable().get());
        }
    }

    @Override
    public void close() {
        quietly(grabber);
        quietly(stream);
    }

    private static void quietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing a broken input adds nothing to the outcome
            }
        }
    }
}
