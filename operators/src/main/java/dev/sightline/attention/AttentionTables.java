package dev.sightline.attention;

import static dev.sightline.sink.Columns.dbl;
import static dev.sightline.sink.Columns.lng;
import static dev.sightline.sink.Columns.optLng;
import static dev.sightline.sink.Columns.req;
import static dev.sightline.sink.Columns.schema;
import static dev.sightline.sink.Columns.str;

import dev.sightline.sink.Rows;
import dev.sightline.sink.TableDefinition;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** The tables of gaze on video: hits on tracked objects, attention per track and scene, and per video over its viewers. */
public final class AttentionTables {

    private AttentionTables() {}

    /** A schema of one recording's presentation of a video (ids 1 to 6), then {@code rest} (ids from 7). */
    private static Schema perPresentation(Types.NestedField... rest) {
        return schema(List.of(req(1, "uri", "Object URI of the gaze file"), req(2, "version", "Object version of the gaze file"),
                req(3, "recording_id", "The recording"), lng(4, "segment_index", "The presentation (gaze_stimuli.segment_index)"),
                req(5, "video_uri", "Object URI of the video"), req(6, "video_id", "The video")), rest);
    }

    private static Long orNull(long value) {
        return value < 0 ? null : value;
    }

    public static final TableDefinition<AttentionRows.Hit> OBJECT_HITS = new TableDefinition<>(
            "gaze_object_hits", "One row per fixation or pursuit and tracked box it falls on (within the tolerance).",
            new Schema(req(1, "uri", "Object URI of the gaze file"), req(2, "version", "Object version of the gaze file"),
                    req(3, "recording_id", "The recording (gaze_recordings.recording_id)"),
                    req(4, "event_kind", "fixation or pursuit"),
                    lng(5, "event_index", "fixation_index or pursuit_index of the event"),
                    req(6, "stimulus_key", "The key the recording met the video by (gaze_stimuli.stimulus_key)"),
                    req(7, "video_uri", "Object URI of the video"),
                    req(8, "video_id", "The video (video_summary.video_id)"),
                    lng(9, "track_id", "The track (video_tracks.track_id)"),
                    str(10, "label", "The track's label: person, face, moving-object or a model's label"),
                    optLng(11, "scene_index", "The scene (first scene detector) the event starts in"),
                    dbl(12, "event_start_time_ms", "Start of the event, recording clock"),
                    dbl(13, "start_time_s", "Start of the event in video time, seconds"),
                    dbl(14, "end_time_s", "End of the event in video time, seconds (clipped to the video)"),
                    dbl(15, "duration_ms", "end_time_s - start_time_s, milliseconds"),
                    dbl(16, "on_box_ms", "Time the gaze was within the tolerance of the box"),
                    dbl(17, "distance_deg", "Median angle from the gaze to the box while it was visible; 0 inside")),
            List.of(),
            h -> GenericRowData.of(Rows.string(h.uri()), Rows.string(h.version()), Rows.string(h.recordingId()), Rows.string(h.eventKind()),
                    h.eventIndex(), Rows.string(h.stimulusKey()), Rows.string(h.videoUri()), Rows.string(h.videoId()), h.trackId(),
                    Rows.string(h.label()), orNull(h.sceneIndex()), Rows.finite(h.eventStartMs()), Rows.finite(h.startTimeS()),
                    Rows.finite(h.endTimeS()), Rows.finite(h.durationMs()), Rows.finite(h.onBoxMs()), Rows.finite(h.distanceDeg())));

    public static final TableDefinition<AttentionRows.TrackAttention> TRACK_ATTENTION = new TableDefinition<>(
            "gaze_track_attention", "Per recording and track of the video it showed: the track as a moving area of interest.",
            perPresentation(
                    lng(7, "track_id", "The track"), str(8, "label", "The track's label"),
                    dbl(9, "visible_ms", "Time the track was on the screen while the recording watched the video"),
                    dbl(10, "dwell_ms", "Total duration of the fixations and pursuits on it"),
                    dbl(11, "dwell_share", "dwell_ms / visible_ms"),
                    dbl(12, "time_to_first_fixation_ms", "From the track's first visible moment to the first fixation or pursuit on it; null if none"),
                    dbl(13, "first_fixation_duration_ms", "Duration of that first fixation or pursuit"),
                    lng(14, "fixation_count", "Fixations on it"),
                    lng(15, "pursuit_count", "Pursuits on it"),
                    lng(16, "visits", "Runs of consecutive fixations and pursuits on it"),
                    lng(17, "revisits", "visits - 1, at least 0")),
            List.of(),
            t -> GenericRowData.of(Rows.string(t.uri()), Rows.string(t.version()), Rows.string(t.recordingId()), t.segmentIndex(),
                    Rows.string(t.videoUri()), Rows.string(t.videoId()), t.trackId(), Rows.string(t.label()), Rows.finite(t.visibleMs()),
                    Rows.finite(t.dwellMs()), Rows.finite(t.dwellShare()), Rows.finite(t.timeToFirstFixationMs()),
                    Rows.finite(t.firstFixationDurationMs()), t.fixationCount(), t.pursuitCount(), t.visits(), t.revisits()));

    public static final TableDefinition<AttentionRows.SceneAttention> SCENE_ATTENTION = new TableDefinition<>(
            "gaze_scene_attention", "Per recording and scene of the video it showed: dwell on tracked objects and elsewhere, spread of fixations.",
            perPresentation(
                    str(7, "scene_detector", "The scene detector whose scenes these are (the first configured)"),
                    lng(8, "scene_index", "The scene (video_scenes.scene_index)"),
                    dbl(9, "start_time_s", "Scene start, video seconds"), dbl(10, "end_time_s", "Scene end, video seconds"),
                    dbl(11, "viewed_ms", "Time of the scene the recording watched"),
                    dbl(12, "dwell_on_objects_ms", "Time of fixations and pursuits on any tracked box within the scene"),
                    dbl(13, "dwell_elsewhere_ms", "Time of fixations and pursuits on the video but on no tracked box"),
                    lng(14, "fixation_count", "Fixations starting in the scene"),
                    dbl(15, "dispersion_deg", "Root mean square angle of the scene's fixations from their duration-weighted centre"),
                    optLng(16, "top_track_id", "The track with the most dwell in the scene; null when none was looked at"),
                    dbl(17, "top_track_dwell_ms", "Its dwell within the scene")),
            List.of(),
            s -> GenericRowData.of(Rows.string(s.uri()), Rows.string(s.version()), Rows.string(s.recordingId()), s.segmentIndex(),
                    Rows.string(s.videoUri()), Rows.string(s.videoId()), Rows.string(s.sceneDetector()), s.sceneIndex(),
                    Rows.finite(s.startTimeS()), Rows.finite(s.endTimeS()), Rows.finite(s.viewedMs()), Rows.finite(s.dwellOnObjectsMs()),
                    Rows.finite(s.dwellElsewhereMs()), s.fixationCount(), Rows.finite(s.dispersionDeg()), orNull(s.topTrackId()),
                    Rows.finite(s.topTrackDwellMs())));

    public static final TableDefinition<AttentionRows.VideoAttention> VIDEO_ATTENTION = new TableDefinition<>(
            "video_attention", "Per video and track over all its viewers so far; a new revision of a video's rows with each viewer that joins.",
            new Schema(req(1, "video_uri", "Object URI of the video"), req(2, "video_version", "Object version of the video"),
                    req(3, "video_id", "The video"),
                    req(4, "stimulus_key", "The key the viewers met the video by"),
                    lng(5, "track_id", "The track"), str(6, "label", "The track's label"),
                    lng(7, "viewers_total", "Viewings of the video joined so far: the revision (take the highest per video)"),
                    lng(8, "viewers", "Viewings during which the track was visible"),
                    lng(9, "viewers_looked", "Of those, viewings with a fixation or pursuit on it"),
                    dbl(10, "mean_dwell_ms", "Mean dwell on the track over the viewers"),
                    dbl(11, "mean_dwell_share", "Mean of dwell_ms / visible_ms over the viewers"),
                    dbl(12, "co_attention", "Chance that two viewers looking at the video at the same moment both look at this track"),
                    dbl(13, "synchrony", "co_attention / (share of viewer-moments on the track)^2: 1 independent, above 1 viewers look at it together"),
                    lng(14, "synchrony_bins", "Time bins with the track visible and two or more viewers looking at the video")),
            List.of(),
            v -> GenericRowData.of(Rows.string(v.videoUri()), Rows.string(v.videoVersion()), Rows.string(v.videoId()),
                    Rows.string(v.stimulusKey()), v.trackId(), Rows.string(v.label()), v.viewersTotal(), v.viewers(), v.viewersLooked(),
                    Rows.finite(v.meanDwellMs()), Rows.finite(v.meanDwellShare()), Rows.finite(v.coAttention()), Rows.finite(v.synchrony()),
                    v.synchronyBins()));

    /** Every table of the join, in documentation order. */
    public static final List<TableDefinition<?>> ALL = List.of(OBJECT_HITS, TRACK_ATTENTION, SCENE_ATTENTION, VIDEO_ATTENTION);
}
