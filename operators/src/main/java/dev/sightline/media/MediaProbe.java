package dev.sightline.media;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.StoreUnavailableException;
import dev.sightline.ingest.MediaObject;
import dev.sightline.ingest.MediaType;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Reads what a recording's container declares, without decoding it: duration and, for a video,
 * the displayed picture size (after rotation). For routing decisions; a file FFmpeg cannot open
 * gives unknowns, never an error (its analysis reports the problem); an unavailable store throws.
 */
public final class MediaProbe {

    /** Duration in seconds (NaN when unknown) and displayed width and height in pixels (0 for audio or unknown). */
    public record Facts(double durationS, long width, long height) {
        static final Facts UNKNOWN = new Facts(Double.NaN, 0, 0);
    }

    private MediaProbe() {}

    /** The facts of {@code object}, opened through {@code store} (ranged reads for remote objects). */
    public static Facts probe(ObjectStore store, MediaObject object) {
        try (FFmpegInput input = FFmpegInput.open(store, object)) {
            FFmpegFrameGrabber grabber = input.grabber();
            grabber.start();
            input.requireStoreReachable();
            long lengthUs = grabber.getLengthInTime();
            double duration = lengthUs > 0 ? lengthUs / 1e6 : Double.NaN;
            if (object.mediaType() != MediaType.VIDEO || grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0) {
                return new Facts(duration, 0, 0);
            }
            boolean sideways = Math.abs(Math.round(grabber.getDisplayRotation())) % 180 == 90;
            long width = sideways ? grabber.getImageHeight() : grabber.getImageWidth();
            long height = sideways ? grabber.getImageWidth() : grabber.getImageHeight();
            return new Facts(duration, width, height);
        } catch (Exception | LinkageError e) {
            StoreUnavailableException.rethrowIn(e); // a route must not depend on a broken connection
            return Facts.UNKNOWN;
        }
    }
}
