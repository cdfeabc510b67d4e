package dev.sightline.video;

import dev.sightline.cloud.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** Writes keyframe thumbnails as JPEG objects under the processed location. */
public final class KeyframeStore {

    private final ObjectStore store;
    private final String baseUri;

    /** @param baseUri where thumbnails go, without a trailing slash: {@code <processed>/keyframes/<video-id>} */
    private KeyframeStore(ObjectStore store, String baseUri) {
        this.store = store;
        this.baseUri = baseUri;
    }

    /** The store of one video's keyframes under the processed location, or null when there is none. */
    public static KeyframeStore forVideo(ObjectStore store, String processedUri, String videoId) {
        if (processedUri == null) {
            return null;
        }
        String base = processedUri.replaceAll("/+$", "");
        return new KeyframeStore(store, base + "/keyframes/" + videoId);
    }

    /** The picture as a JPEG file (OpenCV's default quality, 95). */
    public static byte[] jpeg(Mat bgr) {
        try (BytePointer jpeg = new BytePointer()) {
            if (!opencv_imgcodecs.imencode(".jpg", bgr, jpeg)) {
                throw new IllegalStateException("JPEG encoding failed for a " + bgr.cols() + "x" + bgr.rows() + " picture");
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return bytes;
        }
    }

    /** Writes one JPEG thumbnail; returns its URI. */
    public String write(String name, byte[] jpeg) {
        String uri = baseUri + "/" + name;
        try {
            store.put(uri, jpeg, "image/jpeg");
            return uri;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keyframe " + name + ": " + e.getMessage(), e);
        }
    }
}
