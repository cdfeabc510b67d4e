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

    /** @param baseUri where thumbnails go, e.g. {@code file:///data/processed/keyframes/<video-id>} */
    public KeyframeStore(ObjectStore store, String baseUri) {
        this.store = store;
        this.baseUri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
    }

    /** Encodes and writes one thumbnail; returns its URI. */
    public String write(String name, Mat bgr) {
        try (BytePointer jpeg = new BytePointer()) {
            if (!opencv_imgcodecs.imencode(".jpg", bgr, jpeg)) {
                throw new IllegalStateException("JPEG encoding failed for " + name);
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            String uri = baseUri + "/" + name;
            store.put(uri, bytes, "image/jpeg");
            return uri;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keyframe " + name + ": " + e.getMessage(), e);
        }
    }
}
