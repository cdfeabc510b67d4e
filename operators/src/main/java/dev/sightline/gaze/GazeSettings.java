package dev.sightline.gaze;

import dev.sightline.gaze.format.ColumnMapping;
import dev.sightline.gaze.stimulus.StimulusSettings;
import java.io.Serializable;
import java.util.List;

/**
 * Everything the gaze analysis needs to know beyond the file: set-up where the file is silent,
 * column mapping, cleaning, detector and areas of interest.
 *
 * @param samplingRateHz the rate when the file does not state it; 0 to estimate it from timestamps
 * @param chunkSeconds how much of a recording is analysed at a time (memory is bounded by it)
 * @param merger which nearby fixations are merged (off by default)
 * @param stimuli how recordings are linked to the videos they showed
 */
public record GazeSettings(
        ScreenGeometry geometry,
        double samplingRateHz,
        ColumnMapping columns,
        CleaningSettings cleaning,
        EventDetector detector,
        List<Aoi> aois,
        double chunkSeconds,
        FixationMerger merger,
        StimulusSettings stimuli) implements Serializable {

    public GazeSettings {
        aois = List.copyOf(aois);
    }

    /** Settings that link recordings to videos by the exports alone. */
    public GazeSettings(ScreenGeometry geometry, double samplingRateHz, ColumnMapping columns, CleaningSettings cleaning,
            EventDetector detector, List<Aoi> aois, double chunkSeconds, FixationMerger merger) {
        this(geometry, samplingRateHz, columns, cleaning, detector, aois, chunkSeconds, merger, StimulusSettings.DEFAULTS);
    }

    /** The same settings with other stimulus links. */
    public GazeSettings withStimuli(StimulusSettings links) {
        return new GazeSettings(geometry, samplingRateHz, columns, cleaning, detector, aois, chunkSeconds, merger, links);
    }

    /** The same settings with other areas of interest, detector and so on, for tests and tools. */
    public GazeSettings(ScreenGeometry geometry, double samplingRateHz, ColumnMapping columns, CleaningSettings cleaning,
            EventDetector detector, List<Aoi> aois, double chunkSeconds) {
        this(geometry, samplingRateHz, columns, cleaning, detector, aois, chunkSeconds, FixationMerger.OFF);
    }

    /** Defaults: a 24-inch 1920x1080 screen at 65 cm, rate from the data, the adaptive detector. */
    public static GazeSettings defaults() {
        return new GazeSettings(new ScreenGeometry(1920, 1080, 531, 299, 650), 0, ColumnMapping.AUTO,
                CleaningSettings.DEFAULTS, new AdaptiveDetector(), List.of(), 30, FixationMerger.OFF, StimulusSettings.DEFAULTS);
    }
}
