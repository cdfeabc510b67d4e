package dev.sightline.report;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.gaze.stimulus.StimulusLinks;
import dev.sightline.sink.IcebergWarehouse;
import dev.sightline.video.VideoTables;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.iceberg.expressions.Expressions;

/**
 * What a recording looked at, as an image to draw its gaze over: the keyframe of the first scene
 * of the video it is linked to, or an image file beside the recording named by its media.
 */
final class StimulusImages {

    private final ObjectStore store;
    private final IcebergWarehouse warehouse;

    /** @param warehouse where linked videos' scenes are looked up; null when reporting without one */
    StimulusImages(ObjectStore store, IcebergWarehouse warehouse) {
        this.store = store;
        this.warehouse = warehouse;
    }

    /** The image under one presentation of {@code gaze_stimuli}, placed on a screen of the given size. */
    Optional<GazeMaps.Stimulus> of(ReportRow presentation, String recordingUri, double screenWidth, double screenHeight) {
        String videoRef = presentation.text("video_ref");
        String media = presentation.text("media_name");
        try {
            if (videoRef != null && !videoRef.startsWith("sha256:") && warehouse != null && warehouse.exists(VideoTables.SCENES.name())) {
                Optional<String> keyframe = warehouse.read(VideoTables.SCENES.name(), Expressions.equal("uri", videoRef)).stream()
                        .map(ReportRow::of)
                        .filter(r -> r.text("keyframe_uri") != null)
                        .min(Comparator.comparingLong(r -> r.integer("scene_index", 0)))
                        .map(r -> r.text("keyframe_uri"));
                if (keyframe.isPresent()) {
                    return placed(read(keyframe.get()), "image/jpeg", presentation, screenWidth, screenHeight, "first keyframe of " + videoRef);
                }
            }
            if (media != null && media.toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|gif|bmp)")) {
                String beside = StimulusLinks.besideRecording(recordingUri, media);
                String type = media.toLowerCase(Locale.ROOT).endsWith(".png") ? "image/png" : "image/jpeg";
                return placed(read(beside), type, presentation, screenWidth, screenHeight, media);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no picture beneath: the plot is drawn on the bare screen
        }
        return Optional.empty();
    }

    /** An object's bytes as a data URI, or null when it cannot be read. */
    String dataUri(String uri, String type) {
        try {
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(read(uri));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private byte[] read(String uri) throws IOException {
        try (InputStream in = store.open(uri)) {
            return in.readAllBytes();
        }
    }

    private static Optional<GazeMaps.Stimulus> placed(byte[] bytes, String type, ReportRow p, double screenWidth, double screenHeight,
            String name) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            return Optional.empty();
        }
        double w = p.number("screen_width");
        double h = p.number("screen_height");
        double x = p.number("screen_x");
        double y = p.number("screen_y");
        if (!(w > 0 && h > 0)) { // fitted to the screen, keeping its aspect ratio
            double scale = Math.min(screenWidth / image.getWidth(), screenHeight / image.getHeight());
            w = image.getWidth() * scale;
            h = image.getHeight() * scale;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            x = (screenWidth - w) / 2;
            y = (screenHeight - h) / 2;
        }
        return Optional.of(new GazeMaps.Stimulus("data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes), x, y, w, h, name));
    }
}
