package dev.sightline.attention;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A generated stimulus and its viewers: a 6 s video (640 x 360, 25 fps, one cut at 3 s) on a
 * textured background with a square of coloured blocks that moves right at {@link #SPEED} px/s and a
 * still one, and gaze that fixates the background, pursues the moving square, fixates the still
 * one and the background again, written as Tobii Pro Lab, EyeLink, Pupil Labs and plain CSV
 * recordings. Times and places of the plan are in video seconds and video pixels.
 */
public final class TwoSquares {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    public static final int FPS = 25;
    public static final double DURATION_S = 6.0;
    public static final double CUT_S = 3.0;
    public static final int SIDE = 64;
    public static final double SPEED = 88;
    /** The still square's top-left corner. */
    public static final int STILL_X = 470;
    public static final int STILL_Y = 230;

    /** The planted events: pursuit of the moving square, fixation of the still one. */
    public static final double PURSUIT_START_S = 0.56;
    public static final double PURSUIT_END_S = 2.4;
    public static final double STILL_START_S = 2.46;
    public static final double STILL_END_S = 4.0;

    private TwoSquares() {}

    public static double movingX(double t) {
        return 40 + SPEED * t;
    }

    public static double movingY() {
        return 70;
    }

    /** Where the gaze is at video time {@code t} (seconds; before 0 the video is not shown yet), in video pixels. */
    public static double[] gaze(double t) {
        double[] elsewhereA = {320, 300};
        double[] pursuitStart = {movingX(PURSUIT_START_S) + SIDE / 2.0, movingY() + SIDE / 2.0};
        double[] still = {STILL_X + SIDE / 2.0, STILL_Y + SIDE / 2.0};
        double[] elsewhereB = {200, 300};
        if (t < 0.5) {
            return elsewhereA;
        }
        if (t < PURSUIT_START_S) {
            return lerp(elsewhereA, pursuitStart, (t - 0.5) / (PURSUIT_START_S - 0.5));
        }
        if (t < PURSUIT_END_S) {
            return new double[] {movingX(t) + SIDE / 2.0, movingY() + SIDE / 2.0};
        }
        double[] pursuitEnd = {movingX(PURSUIT_END_S) + SIDE / 2.0, movingY() + SIDE / 2.0};
        if (t < STILL_START_S) {
            return lerp(pursuitEnd, still, (t - PURSUIT_END_S) / (STILL_START_S - PURSUIT_END_S));
        }
        if (t < STILL_END_S) {
            return still;
        }
        if (t < STILL_END_S + 0.06) {
            return lerp(still, elsewhereB, (t - STILL_END_S) / 0.06);
        }
        return elsewhereB;
    }

    private static double[] lerp(double[] a, double[] b, double f) {
        return new double[] {a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f};
    }

    /** Writes the video as H.264 MP4. */
    public static Path writeVideo(Path file) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Files.createDirectories(file.getParent());
        int[] backgroundA = texture(7, WIDTH, HEIGHT, 16, 70, 150);
        int[] backgroundB = colours(11, WIDTH, HEIGHT, 16);
        int[] moving = colours(13, SIDE, SIDE, 8);
        int[] still = colours(17, SIDE, SIDE, 8);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setVideoBitrate(2_000_000);
            recorder.setGopSize(FPS);
            recorder.start();
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            int frames = (int) Math.round(DURATION_S * FPS);
            for (int frame = 0; frame < frames; frame++) {
                double t = frame / (double) FPS;
                image.setRGB(0, 0, WIDTH, HEIGHT, t < CUT_S ? backgroundA : backgroundB, 0, WIDTH);
                paste(image, (int) Math.round(movingX(t)), (int) movingY(), moving);
                paste(image, STILL_X, STILL_Y, still);
                recorder.record(converter.convert(image));
            }
            recorder.stop();
        }
        return file;
    }

    private static int[] texture(long seed, int w, int h, int block, int low, int high) {
        SplittableRandom random = new SplittableRandom(seed);
        int bw = (w + block - 1) / block;
        int bh = (h + block - 1) / block;
        int[] levels = new int[bw * bh];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = random.nextInt(low, high);
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = levels[(y / block) * bw + x / block];
                out[y * w + x] = (g << 16) | (g << 8) | g;
            }
        }
        return out;
    }

    /** Blocks of random saturated colours: texture inside, as real objects have, so motion shows all over an object. */
    private static int[] colours(long seed, int w, int h, int block) {
        SplittableRandom random = new SplittableRandom(seed);
        int bw = (w + block - 1) / block;
        int bh = (h + block - 1) / block;
        int[] levels = new int[bw * bh];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = java.awt.Color.HSBtoRGB((float) random.nextDouble(), 0.9f, 0.5f + 0.5f * (float) random.nextDouble()) & 0xffffff;
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = levels[(y / block) * bw + x / block];
            }
        }
        return out;
    }

    private static void paste(BufferedImage image, int x0, int y0, int[] square) {
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int px = x0 + x;
                int py = y0 + y;
                if (px >= 0 && px < WIDTH && py >= 0 && py < HEIGHT) {
                    image.setRGB(px, py, square[y * SIDE + x]);
                }
            }
        }
    }

    /** Where the video was drawn and from when: screen rectangle and the recording time (ms) of its first frame. */
    public record Screen(double x, double y, double width, double height, double videoStartMs) {

        public double screenX(double videoX) {
            return x + videoX * width / WIDTH;
        }

        public double screenY(double videoY) {
            return y + videoY * height / HEIGHT;
        }
    }

    private static double noise(SplittableRandom random) {
        return random.nextGaussian() * 0.3;
    }

    /** A Tobii Pro Lab export at 120 Hz: the video named per sample while it is shown, with its position and size. */
    public static String tobii(Screen s, String participant, String mediaName) {
        StringBuilder b = new StringBuilder("Recording timestamp [μs]\tParticipant name\tRecording name\tSensor\tGaze point X [DACS px]\t"
                + "Gaze point Y [DACS px]\tValidity left\tValidity right\tPresented Media name\tPresented Media width [px]\t"
                + "Presented Media height [px]\tPresented Media position X (DACS px)\tPresented Media position Y (DACS px)\n");
        SplittableRandom random = new SplittableRandom(participant.hashCode());
        for (double ms = s.videoStartMs() - 500; ms < s.videoStartMs() + DURATION_S * 1000; ms += 1000.0 / 120) {
            double t = (ms - s.videoStartMs()) / 1000;
            double[] g = gaze(t);
            boolean shown = t >= 0;
            b.append(Math.round(ms * 1000)).append('\t').append(participant).append("\tRecording1\tEye Tracker\t")
                    .append(fmt(s.screenX(g[0]) + noise(random))).append('\t').append(fmt(s.screenY(g[1]) + noise(random)))
                    .append("\tValid\tValid\t").append(shown ? mediaName : "").append('\t')
                    .append(shown ? fmt(s.width()) : "").append('\t').append(shown ? fmt(s.height()) : "").append('\t')
                    .append(shown ? fmt(s.x()) : "").append('\t').append(shown ? fmt(s.y()) : "").append('\n');
        }
        return b.toString();
    }

    /** An EyeLink ASC at 500 Hz with SR Research's video frame messages ({@code !V VFRAME}, resized to the rectangle). */
    public static String eyeLink(Screen s, String videoFile) {
        StringBuilder b = new StringBuilder("** CONVERTED FROM test.edf\n**\n");
        long start = Math.round(s.videoStartMs() - 500);
        b.append("MSG\t").append(start - 10).append(" DISPLAY_COORDS 0 0 1279 1023\n");
        b.append("START\t").append(start).append(" \tLEFT\tSAMPLES\tEVENTS\n");
        b.append("SAMPLES\tGAZE\tLEFT\tRATE\t500.00\tTRACKING\tCR\tFILTER\t2\n");
        SplittableRandom random = new SplittableRandom(3);
        int nextFrame = 0;
        int frames = (int) Math.round(DURATION_S * FPS);
        for (long ms = start; ms < s.videoStartMs() + DURATION_S * 1000; ms += 2) {
            double frameMs = s.videoStartMs() + nextFrame * 1000.0 / FPS;
            if (nextFrame < frames && ms >= frameMs) {
                // the message comes a little later than the flip and says by how much
                long late = 3;
                b.append(String.format(Locale.ROOT, "MSG\t%d %d !V VFRAME %d %d %d %s resize %d %d%n", Math.round(frameMs) + late, late,
                        nextFrame + 1, Math.round(s.x()), Math.round(s.y()), videoFile, Math.round(s.width()), Math.round(s.height())));
                nextFrame++;
            }
            double[] g = gaze((ms - s.videoStartMs()) / 1000);
            b.append(ms).append('\t').append(fmt(s.screenX(g[0]) + noise(random))).append('\t')
                    .append(fmt(s.screenY(g[1]) + noise(random))).append("\t800.0\t...\n");
        }
        b.append("END\t").append(Math.round(s.videoStartMs() + DURATION_S * 1000)).append(" \tSAMPLES\tEVENTS\tRES\t38.0\t31.0\n");
        return b.toString();
    }

    /** A Pupil Labs gaze_positions.csv at 200 Hz on its world video: normalised positions (origin bottom left) per world frame. */
    public static String pupil() {
        StringBuilder b = new StringBuilder("gaze_timestamp,world_index,confidence,norm_pos_x,norm_pos_y\n");
        SplittableRandom random = new SplittableRandom(5);
        double clockS = 1216.2;
        for (double t = 0; t < DURATION_S; t += 0.005) {
            double[] g = gaze(t);
            int frame = (int) Math.floor(t * FPS + 1e-9);
            b.append(String.format(Locale.ROOT, "%.6f,%d,0.99,%.6f,%.6f%n", clockS + t, frame, (g[0] + noise(random)) / WIDTH,
                    1 - (g[1] + noise(random)) / HEIGHT));
        }
        return b.toString();
    }

    /** A plain CSV at 250 Hz whose link comes from a manifest: the video drawn at {@code s}, starting {@code s.videoStartMs()} in. */
    public static String plainCsv(Screen s) {
        StringBuilder b = new StringBuilder("time_ms,x_px,y_px\n");
        SplittableRandom random = new SplittableRandom(9);
        for (double ms = 0; ms < s.videoStartMs() + DURATION_S * 1000; ms += 4) {
            double[] g = gaze((ms - s.videoStartMs()) / 1000);
            b.append(fmt(ms)).append(',').append(fmt(s.screenX(g[0]) + noise(random))).append(',')
                    .append(fmt(s.screenY(g[1]) + noise(random))).append('\n');
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
