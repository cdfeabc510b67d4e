package dev.sightline.config;

import dev.sightline.attention.JoinSettings;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.gaze.AdaptiveDetector;
import dev.sightline.gaze.CleaningSettings;
import dev.sightline.gaze.EventDetector;
import dev.sightline.gaze.FixationMerger;
import dev.sightline.gaze.GazeSettings;
import dev.sightline.gaze.IdtDetector;
import dev.sightline.gaze.IvtDetector;
import dev.sightline.gaze.ScreenGeometry;
import dev.sightline.gaze.format.ColumnMapping;
import dev.sightline.gaze.stimulus.StimulusEntry;
import dev.sightline.gaze.stimulus.StimulusSettings;
import java.util.ArrayList;
import java.util.List;

/** Builds the gaze analysis settings from the configuration's {@code gaze.*} keys. */
public final class GazeConfig {

    private GazeConfig() {}

    public static GazeSettings settings(SightlineConfig c) {
        ScreenGeometry geometry = new ScreenGeometry(c.get(ConfigKeys.GAZE_SCREEN_WIDTH_PX), c.get(ConfigKeys.GAZE_SCREEN_HEIGHT_PX),
                c.get(ConfigKeys.GAZE_SCREEN_WIDTH_MM), c.get(ConfigKeys.GAZE_SCREEN_HEIGHT_MM), c.get(ConfigKeys.GAZE_VIEWING_DISTANCE_MM));
        ColumnMapping columns = new ColumnMapping(column(c.get(ConfigKeys.GAZE_TIME_COLUMN)), c.get(ConfigKeys.GAZE_TIME_UNIT),
                column(c.get(ConfigKeys.GAZE_X_COLUMN)), column(c.get(ConfigKeys.GAZE_Y_COLUMN)),
                column(c.get(ConfigKeys.GAZE_PUPIL_COLUMN)), column(c.get(ConfigKeys.GAZE_VALIDITY_COLUMN)),
                c.get(ConfigKeys.GAZE_POSITION_UNIT), c.get(ConfigKeys.GAZE_MIN_CONFIDENCE));
        double blinkMin = c.get(ConfigKeys.GAZE_BLINK_MIN).toMillis();
        double blinkMax = c.get(ConfigKeys.GAZE_BLINK_MAX).toMillis();
        if (blinkMax < blinkMin) {
            throw new ConfigException("bad value for 'gaze.blink.max-duration': shorter than gaze.blink.min-duration");
        }
        CleaningSettings cleaning = new CleaningSettings(c.get(ConfigKeys.GAZE_MAX_GAP).toMillis(), blinkMin, blinkMax,
                c.get(ConfigKeys.GAZE_VELOCITY_WINDOW).toMillis());
        double minFixation = c.get(ConfigKeys.GAZE_MIN_FIXATION).toMillis();
        EventDetector detector = switch (c.get(ConfigKeys.GAZE_DETECTOR)) {
            case ADAPTIVE -> new AdaptiveDetector(AdaptiveDetector.Settings.DEFAULTS.withMinFixationMs(minFixation)
                    .withPursuit(c.get(ConfigKeys.GAZE_PURSUIT_THRESHOLD), c.get(ConfigKeys.GAZE_PURSUIT_LOWPASS),
                            c.get(ConfigKeys.GAZE_PURSUIT_MIN).toMillis()));
            case IVT -> new IvtDetector(c.get(ConfigKeys.GAZE_IVT_THRESHOLD), minFixation);
            case IDT -> new IdtDetector(c.get(ConfigKeys.GAZE_IDT_DISPERSION), c.get(ConfigKeys.GAZE_IDT_WINDOW).toMillis());
        };
        return new GazeSettings(geometry, c.get(ConfigKeys.GAZE_SAMPLING_RATE), columns, cleaning, detector, c.aois(),
                c.get(ConfigKeys.GAZE_CHUNK).toMillis() / 1000.0,
                new FixationMerger(c.get(ConfigKeys.GAZE_MERGE_GAP).toMillis(), c.get(ConfigKeys.GAZE_MERGE_ANGLE)), stimuli(c));
    }

    /**
     * How recordings are linked to videos: the {@code gaze.stimulus.<name>.*} entries, with video
     * paths relative to the input prefix (the inbox in folder mode), and the manifest name.
     */
    public static StimulusSettings stimuli(SightlineConfig c) {
        List<StimulusEntry> entries = new ArrayList<>();
        KeyFamily f = ConfigKeys.GAZE_STIMULUS;
        for (KeyFamily.Entry e : c.entries(f).values()) {
            try {
                String offset = (String) e.get(f.field("offset"));
                entries.add(new StimulusEntry(e.name(), (String) e.get(f.field("recording")), (String) e.get(f.field("media")),
                        (String) e.get(f.field("video")), (String) e.get(f.field("video-sha256")),
                        StimulusEntry.parseRect(e.name(), (String) e.get(f.field("rect"))),
                        offset.isEmpty() ? Double.NaN : Values.parseDuration(offset.replace(" ", "")).toMillis()));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException("bad 'gaze.stimulus." + e.name() + "' settings: " + ex.getMessage());
            }
        }
        String base = c.get(ConfigKeys.INPUT_KIND) == InputKind.FOLDER ? LocalPaths.toUri(c.get(ConfigKeys.INBOX_PATH)) + "/"
                : c.get(ConfigKeys.INPUT_PREFIX);
        return new StimulusSettings(entries, base, c.get(ConfigKeys.GAZE_STIMULUS_MANIFEST));
    }

    /** How recordings meet the videos they showed ({@code gaze.video.*}), or null when the join is off. */
    public static JoinSettings join(SightlineConfig c) {
        if (!c.get(ConfigKeys.GAZE_VIDEO_JOIN)) {
            return null;
        }
        return new JoinSettings(c.get(ConfigKeys.GAZE_VIDEO_TOLERANCE), c.get(ConfigKeys.GAZE_VIDEO_SAMPLE).toMillis(),
                c.get(ConfigKeys.GAZE_VIDEO_MIN_SHARE), c.get(ConfigKeys.GAZE_VIDEO_MAX_BOX_GAP).toMillis() / 1000.0,
                c.get(ConfigKeys.GAZE_VIDEO_SYNCHRONY_BIN).toMillis(), c.get(ConfigKeys.GAZE_VIDEO_RECORDING_WAIT),
                c.get(ConfigKeys.GAZE_VIDEO_KEEP));
    }

    private static String column(String value) {
        return value.equals("auto") ? null : value;
    }
}
