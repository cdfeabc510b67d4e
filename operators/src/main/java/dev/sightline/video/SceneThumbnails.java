package dev.sightline.video;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Thumbnails of the frames that may start a scene, made where the batch's pictures are at hand:
 * a video's first frame and every frame scoring at least the lowest score any configured
 * detector cuts at. Scenes are decided later, in order; their keyframes are among these.
 */
public final class SceneThumbnails implements AutoCloseable {

    private final double floor;
    private final Mat picture = new Mat();

    public SceneThumbnails(SceneSettings settings) {
        this.floor = settings.lowestCutScore();
    }

    /** JPEG thumbnails of {@code batch}'s frames that may start a scene, given their scores. */
    public List<FrameResults.Thumbnail> of(FrameBatch batch, double[] scores) {
        List<FrameResults.Thumbnail> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.frames()[i] == 0 || scores[i] >= floor) {
                PackedPictures.load(batch.pictures(), i * batch.pictureBytes(), batch.width(), batch.height(), picture);
                out.add(new FrameResults.Thumbnail(batch.frames()[i], KeyframeStore.jpeg(picture)));
            }
        }
        return out;
    }

    @Override
    public void close() {
        picture.close();
    }
}
