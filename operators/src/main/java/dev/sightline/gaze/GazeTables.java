package dev.sightline.gaze;

import static dev.sightline.sink.Columns.dbl;
import static dev.sightline.sink.Columns.lng;
import static dev.sightline.sink.Columns.str;
import static dev.sightline.sink.Columns.req;
import static dev.sightline.sink.Columns.schema;

import dev.sightline.sink.Rows;
import dev.sightline.sink.TableDefinition;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** The gaze analysis tables: recordings, fixations, saccades, blinks and area-of-interest metrics. */
public final class GazeTables {

    private GazeTables() {}

    private static Types.NestedField uri(int id) {
        return req(id, "uri", "Object URI of the gaze file");
    }

    private static Types.NestedField version(int id) {
        return req(id, "version", "Object version");
    }

    private static Types.NestedField recordingId(int id) {
        return req(id, "recording_id", "Stable id of the recording (from object and participant/recording name)");
    }

    /**
     * The schema of an eye movement from one place to another: the recording's columns, its
     * index (id 4), times and start and end positions with the amplitude (ids 5 to 16), then {@code rest}.
     */
    private static Schema movement(Types.NestedField index, Types.NestedField... rest) {
        return schema(List.of(uri(1), version(2), recordingId(3), index,
                dbl(5, "start_time_ms", "First sample, tracker clock"),
                dbl(6, "end_time_ms", "One sample period after the last sample (exclusive end)"),
                dbl(7, "duration_ms", "end_time_ms - start_time_ms"),
                dbl(8, "start_x_px", "Start position, pixels"),
                dbl(9, "start_y_px", "Start position, pixels"),
                dbl(10, "end_x_px", "End position, pixels"),
                dbl(11, "end_y_px", "End position, pixels"),
                dbl(12, "start_x_deg", "Start position, degrees from the screen centre"),
                dbl(13, "start_y_deg", "Start position, degrees from the screen centre"),
                dbl(14, "end_x_deg", "End position, degrees from the screen centre"),
                dbl(15, "end_y_deg", "End position, degrees from the screen centre"),
                dbl(16, "amplitude_deg", "Angle between start and end lines of sight")), rest);
    }

    /** Doubles that are NaN (unknown) are written as null. */

    public static final TableDefinition<GazeRows.Recording> RECORDINGS = new TableDefinition<>(
            "gaze_recordings", "One row per eye-tracking recording: set-up, data quality, metrics and analysis parameters.",
            new Schema(uri(1), version(2), recordingId(3),
                    str(4, "participant", "Participant name, where the file has one"),
                    str(5, "recording_name", "Recording name within the file ('' for single-recording files)"),
                    str(6, "source_format", "gaze-csv, tobii-tsv, eyelink-asc or pupil-labs-csv"),
                    str(7, "eyes", "left, right, binocular (averaged) or unknown"),
                    lng(8, "sample_count", "Samples analysed, including placeholders for missing samples"),
                    dbl(9, "sampling_rate_hz", "Sampling rate: from the file, the configuration, or the median timestamp step"),
                    dbl(10, "start_time_ms", "Time of the first sample, tracker clock"),
                    dbl(11, "duration_ms", "From the first sample to one period after the last"),
                    dbl(12, "screen_width_px", "Screen width used for degrees"),
                    dbl(13, "screen_height_px", "Screen height used for degrees"),
                    dbl(14, "screen_width_mm", "Screen width used for degrees"),
                    dbl(15, "screen_height_mm", "Screen height used for degrees"),
                    dbl(16, "viewing_distance_mm", "Eye-to-screen distance used for degrees"),
                    dbl(17, "data_loss_pct", "Invalid, missing or unreadable samples, percent"),
                    lng(18, "fixation_count", "Fixations detected"),
                    dbl(19, "fixation_mean_duration_ms", "Mean fixation duration"),
                    dbl(20, "fixation_median_duration_ms", "Median fixation duration"),
                    lng(21, "saccade_count", "Saccades detected"),
                    dbl(22, "saccade_mean_amplitude_deg", "Mean saccade amplitude"),
                    dbl(23, "saccade_mean_peak_velocity_deg_s", "Mean saccade peak velocity"),
                    dbl(24, "main_sequence_coefficient", "k of peak velocity = k * amplitude^e (0.5 to 30 deg saccades)"),
                    dbl(25, "main_sequence_exponent", "e of the main sequence fit"),
                    lng(26, "pso_count", "Post-saccadic oscillations detected"),
                    lng(27, "blink_count", "Blinks detected"),
                    dbl(28, "blink_rate_per_min", "Blinks per minute of recording"),
                    lng(29, "problem_count", "Lines that could not be used (see dead_letters)"),
                    str(30, "detector", "Event detector: adaptive, ivt or idt"),
                    str(31, "parameters", "Every cleaning and detection parameter, JSON"),
                    dbl(32, "precision_rms_s2s_deg", "Spatial precision: median over fixations of the RMS of sample-to-sample distances, degrees"),
                    dbl(33, "precision_bcea_deg2", "Spatial precision: median over fixations of the 68% bivariate contour ellipse area, square degrees")),
            List.of(),
            r -> GenericRowData.of(Rows.string(r.uri()), Rows.string(r.version()), Rows.string(r.recordingId()),
                    Rows.string(r.participant()), Rows.string(r.recordingName()), Rows.string(r.sourceFormat()),
                    Rows.string(r.eyes()), r.sampleCount(), Rows.finite(r.samplingRateHz()), Rows.finite(r.startTimeMs()), Rows.finite(r.durationMs()),
                    Rows.finite(r.screenWidthPx()), Rows.finite(r.screenHeightPx()), Rows.finite(r.screenWidthMm()), Rows.finite(r.screenHeightMm()),
                    Rows.finite(r.viewingDistanceMm()), Rows.finite(r.dataLossPct()), r.fixationCount(), Rows.finite(r.fixationMeanDurationMs()),
                    Rows.finite(r.fixationMedianDurationMs()), r.saccadeCount(), Rows.finite(r.saccadeMeanAmplitudeDeg()),
                    Rows.finite(r.saccadeMeanPeakVelocityDegS()), Rows.finite(r.mainSequenceCoefficient()), Rows.finite(r.mainSequenceExponent()),
                    r.psoCount(), r.blinkCount(), Rows.finite(r.blinkRatePerMin()), r.problemCount(), Rows.string(r.detector()),
                    Rows.string(r.parameters()), Rows.finite(r.precisionRmsS2sDeg()), Rows.finite(r.precisionBceaDeg2())));

    public static final TableDefinition<GazeRows.Fixation> FIXATIONS = new TableDefinition<>(
            "gaze_fixations", "Fixations, detected by Sightline or reported by the tracker.",
            new Schema(uri(1), version(2), recordingId(3),
                    lng(4, "fixation_index", "Order within the recording and source"),
                    dbl(5, "start_time_ms", "First sample, tracker clock"),
                    dbl(6, "end_time_ms", "One sample period after the last sample (exclusive end)"),
                    dbl(7, "duration_ms", "end_time_ms - start_time_ms"),
                    dbl(8, "x_px", "Mean horizontal position, pixels from the left"),
                    dbl(9, "y_px", "Mean vertical position, pixels from the top"),
                    dbl(10, "x_deg", "Mean horizontal position, degrees from the screen centre"),
                    dbl(11, "y_deg", "Mean vertical position, degrees from the screen centre (down positive)"),
                    dbl(12, "dispersion_deg", "(max x - min x) + (max y - min y), degrees"),
                    str(13, "detector", "adaptive, ivt, idt, or eyelink for tracker events"),
                    str(14, "source", "detected, or tracker-left / tracker-right")),
            List.of(),
            f -> GenericRowData.of(Rows.string(f.uri()), Rows.string(f.version()), Rows.string(f.recordingId()),
                    f.fixationIndex(), Rows.finite(f.startTimeMs()), Rows.finite(f.endTimeMs()), Rows.finite(f.durationMs()), Rows.finite(f.xPx()), Rows.finite(f.yPx()),
                    Rows.finite(f.xDeg()), Rows.finite(f.yDeg()), Rows.finite(f.dispersionDeg()), Rows.string(f.detector()), Rows.string(f.source())));

    public static final TableDefinition<GazeRows.Saccade> SACCADES = new TableDefinition<>(
            "gaze_saccades", "Saccades, detected by Sightline or reported by the tracker.",
            movement(lng(4, "saccade_index", "Order within the recording and source"),
                    dbl(17, "peak_velocity_deg_s", "Highest angular velocity within the saccade"),
                    dbl(18, "pso_duration_ms", "Post-saccadic oscillation right after it; 0 when none"),
                    str(19, "detector", "adaptive, ivt, idt, or eyelink for tracker events"),
                    str(20, "source", "detected, or tracker-left / tracker-right")),
            List.of(),
            s -> GenericRowData.of(Rows.string(s.uri()), Rows.string(s.version()), Rows.string(s.recordingId()),
                    s.saccadeIndex(), Rows.finite(s.startTimeMs()), Rows.finite(s.endTimeMs()), Rows.finite(s.durationMs()), Rows.finite(s.startXPx()),
                    Rows.finite(s.startYPx()), Rows.finite(s.endXPx()), Rows.finite(s.endYPx()), Rows.finite(s.startXDeg()), Rows.finite(s.startYDeg()), Rows.finite(s.endXDeg()),
                    Rows.finite(s.endYDeg()), Rows.finite(s.amplitudeDeg()), Rows.finite(s.peakVelocityDegS()), Rows.finite(s.psoDurationMs()),
                    Rows.string(s.detector()), Rows.string(s.source())));

    public static final TableDefinition<GazeRows.Blink> BLINKS = new TableDefinition<>(
            "gaze_blinks", "Blinks: runs of lost samples of blink length with their eyelid artefacts, or the tracker's.",
            new Schema(uri(1), version(2), recordingId(3),
                    lng(4, "blink_index", "Order within the recording and source"),
                    dbl(5, "start_time_ms", "First sample, tracker clock"),
                    dbl(6, "end_time_ms", "One sample period after the last sample (exclusive end)"),
                    dbl(7, "duration_ms", "end_time_ms - start_time_ms"),
                    str(8, "detector", "loss-run, or eyelink for tracker events"),
                    str(9, "source", "detected, or tracker-left / tracker-right")),
            List.of(),
            b -> GenericRowData.of(Rows.string(b.uri()), Rows.string(b.version()), Rows.string(b.recordingId()),
                    b.blinkIndex(), Rows.finite(b.startTimeMs()), Rows.finite(b.endTimeMs()), Rows.finite(b.durationMs()), Rows.string(b.detector()),
                    Rows.string(b.source())));

    public static final TableDefinition<GazeRows.AoiMetrics> AOI_METRICS = new TableDefinition<>(
            "gaze_aoi_metrics", "Per recording and area of interest: dwell, first fixation, visits.",
            new Schema(uri(1), version(2), recordingId(3),
                    str(4, "aoi_name", "Area of interest, as named in gaze.aoi.<name>"),
                    dbl(5, "dwell_time_ms", "Total duration of fixations inside"),
                    dbl(6, "dwell_pct", "Dwell time as percent of the recording"),
                    dbl(7, "time_to_first_fixation_ms", "From the recording's first sample to the first fixation inside; null if none"),
                    dbl(8, "first_fixation_duration_ms", "Duration of that first fixation"),
                    lng(9, "fixation_count", "Fixations inside"),
                    lng(10, "visits", "Runs of consecutive fixations inside"),
                    lng(11, "revisits", "visits - 1, at least 0")),
            List.of(),
            a -> GenericRowData.of(Rows.string(a.uri()), Rows.string(a.version()), Rows.string(a.recordingId()),
                    Rows.string(a.aoiName()), Rows.finite(a.dwellTimeMs()), Rows.finite(a.dwellPct()), Rows.finite(a.timeToFirstFixationMs()),
                    Rows.finite(a.firstFixationDurationMs()), a.fixationCount(), a.visits(), a.revisits()));

    public static final TableDefinition<GazeRows.Pursuit> PURSUITS = new TableDefinition<>(
            "gaze_pursuits", "Smooth pursuits: the eye following a moving target, told from fixations by the low-pass filtered gaze speed.",
            movement(lng(4, "pursuit_index", "Order within the recording"),
                    dbl(17, "mean_velocity_deg_s", "Path length of the gaze, averaged over 20 ms steps, over the duration, degrees per second"),
                    dbl(18, "direction_deg", "Direction from start to end: 0 rightwards, 90 upwards, 180 leftwards, -90 downwards"),
                    str(19, "detector", "adaptive"),
                    str(20, "source", "detected")),
            List.of(),
            p -> GenericRowData.of(Rows.string(p.uri()), Rows.string(p.version()), Rows.string(p.recordingId()),
                    p.pursuitIndex(), Rows.finite(p.startTimeMs()), Rows.finite(p.endTimeMs()), Rows.finite(p.durationMs()),
                    Rows.finite(p.startXPx()), Rows.finite(p.startYPx()), Rows.finite(p.endXPx()), Rows.finite(p.endYPx()),
                    Rows.finite(p.startXDeg()), Rows.finite(p.startYDeg()), Rows.finite(p.endXDeg()), Rows.finite(p.endYDeg()),
                    Rows.finite(p.amplitudeDeg()), Rows.finite(p.meanVelocityDegS()), Rows.finite(p.directionDeg()),
                    Rows.string(p.detector()), Rows.string(p.source())));

    public static final TableDefinition<GazeRows.Stimulus> STIMULI = new TableDefinition<>(
            "gaze_stimuli", "The videos each recording showed: where on the screen, from when, and how recording time maps to video time.",
            new Schema(uri(1), version(2), recordingId(3),
                    lng(4, "segment_index", "Order of the presentation within the recording"),
                    str(5, "media_name", "The medium's name as the export gives it, or the manifest entry's video"),
                    str(6, "link_source", "tobii-media, export-media, eyelink-vframe, pupil-labs-world or manifest"),
                    str(7, "manifest_entry", "The manifest entry that named the video or its place; null when the export alone did"),
                    str(8, "video_ref", "The video: its object URI, or sha256:<hex> of its content"),
                    str(9, "stimulus_key", "The key the recording meets its video's analysis by: uri:<object URI> or sha256:<hex>"),
                    dbl(10, "start_time_ms", "First moment the video was shown, recording clock"),
                    dbl(11, "end_time_ms", "First moment after it, recording clock"),
                    dbl(12, "video_start_time_ms", "When the video's first frame was shown, recording clock; null when frame_anchors map time"),
                    str(13, "frame_anchors", "Frame messages as 'fps;t_ms:frame,...' (0-based frames; between anchors frames advance at fps); null for start-time mapping"),
                    dbl(14, "screen_x", "Left edge of the video on the screen, pixels; null: fitted to the screen"),
                    dbl(15, "screen_y", "Top edge, pixels; null: fitted to the screen"),
                    dbl(16, "screen_width", "Drawn width, pixels; null: the video's own width (or fitted)"),
                    dbl(17, "screen_height", "Drawn height, pixels; null: the video's own height (or fitted)")),
            List.of(),
            s -> GenericRowData.of(Rows.string(s.uri()), Rows.string(s.version()), Rows.string(s.recordingId()), s.segmentIndex(),
                    Rows.string(s.mediaName()), Rows.string(s.linkSource()), Rows.string(s.manifestEntry()), Rows.string(s.videoRef()),
                    Rows.string(s.stimulusKey()), Rows.finite(s.startTimeMs()), Rows.finite(s.endTimeMs()), Rows.finite(s.videoStartTimeMs()),
                    Rows.string(s.frameAnchors()), Rows.finite(s.screenX()), Rows.finite(s.screenY()), Rows.finite(s.screenWidth()),
                    Rows.finite(s.screenHeight())));

    /** Every gaze table, in documentation order. */
    public static final List<TableDefinition<?>> ALL = List.of(RECORDINGS, FIXATIONS, SACCADES, PURSUITS, BLINKS, AOI_METRICS, STIMULI);
}
