package dev.sightline.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Renders a short H.264 MP4 with hard cuts at known frames: each scene has its own background
 * colour and a moving shape, so a content detector finds exactly those cuts.
 */
public final class SampleVideo {

    /** Frame rate of the sample. */
    public static final int FPS = 25;

    private static final Color[] BACKGROUNDS = {
        new Color(20, 40, 120), new Color(200, 120, 30), new Color(30, 140, 60), new Color(150, 30, 110), new Color(230, 230, 210)
    };

    private SampleVideo() {}

    /**
     * Writes the video.
     *
     * @param cutFrames the frames at which a new scene starts, ascending
     * @param totalFrames the length of the video in frames
     */
    public static void write(Path file, int width, int height, List<Integer> cutFrames, int totalFrames) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR); // the encoder's informational chatter is no news to users
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setVideoBitrate(800_000);
            recorder.setGopSize(FPS * 2);
            recorder.start();
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            int scene = 0;
            for (int frame = 0; frame < totalFrames; frame++) {
                while (scene < cutFrames.size() && frame >= cutFrames.get(scene)) {
                    scene++;
                }
                draw(image, scene, frame);
                recorder.record(converter.convert(image), avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        }
    }

    private static void draw(BufferedImage image, int scene, int frame) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int w = image.getWidth();
            int h = image.getHeight();
            g.setColor(BACKGROUNDS[scene % BACKGROUNDS.length]);
            g.fillRect(0, 0, w, h);
            double t = frame / (double) FPS;
            int size = h / 4;
            int x = (int) ((w - size) * (0.5 + 0.4 * Math.sin(t * 1.3 + scene)));
            int y = (int) ((h - size) * (0.5 + 0.4 * Math.cos(t * 0.9 + scene)));
            g.setColor(BACKGROUNDS[(scene + 2) % BACKGROUNDS.length]);
            if (scene % 2 == 0) {
                g.fillOval(x, y, size, size);
            } else {
                g.fillRect(x, y, size, size);
            }
            g.setStroke(new BasicStroke(3));
            g.setColor(Color.WHITE);
            g.drawString("scene " + (scene + 1) + "  frame " + frame, 10, 20);
        } finally {
            g.dispose();
        }
    }
}
