package dev.sightline.video;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import dev.sightline.sink.Rows;
import dev.sightline.sink.TableDefinition;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** The video analysis tables: scenes, detections, tracks and one summary per video. */
public final class VideoTables {

    private VideoTables() {}


    public static final TableDefinition<VideoRows.Scene> SCENES = new TableDefinition<>(
            "video_scenes", "Scenes between cuts, per scene detector, with a keyframe thumbnail.",
            new Schema(
                    required(1, "uri", Types.StringType.get(), "Object URI of the video"),
                    required(2, "version", Types.StringType.get(), "Object version"),
                    required(3, "video_id", Types.StringType.get(), "Stable id of the object version (16 hex digits of SHA-256 of uri and version)"),
                    required(4, "detector", Types.StringType.get(), "content (PySceneDetect's ContentDetector) or adaptive (its AdaptiveDetector)"),
                    required(5, "scene_index", Types.LongType.get(), "0-based order of the scene"),
                    required(6, "start_frame", Types.LongType.get(), "First frame of the scene (0-based decode order)"),
                    required(7, "end_frame", Types.LongType.get(), "First frame after the scene (exclusive)"),
                    optional(8, "start_time_s", Types.DoubleType.get(), "Presentation time of the first frame, seconds"),
                    optional(9, "end_time_s", Types.DoubleType.get(), "Presentation time of the first frame after the scene (or the end), seconds"),
                    optional(10, "cut_score", Types.DoubleType.get(), "Content score of the cut that starts the scene; null for the first scene"),
                    optional(11, "keyframe_uri", Types.StringType.get(), "JPEG thumbnail of the scene's first frame, under the processed location")),
            List.of(),
            s -> GenericRowData.of(Rows.string(s.uri()), Rows.string(s.version()), Rows.string(s.videoId()),
                    Rows.string(s.detector()), s.sceneIndex(), s.startFrame(), s.endFrame(), Rows.finite(s.startTimeS()), Rows.finite(s.endTimeS()),
                    Rows.finite(s.cutScore()), Rows.string(s.keyframeUri())));

    public static final TableDefinition<VideoRows.Detection> DETECTIONS = new TableDefinition<>(
            "video_detections", "Objects found in analysed frames (people, faces, a user model's labels), with their track.",
            new Schema(
                    required(1, "uri", Types.StringType.get(), "Object URI of the video"),
                    required(2, "version", Types.StringType.get(), "Object version"),
                    required(3, "video_id", Types.StringType.get(), "Stable id of the object version"),
                    required(4, "frame", Types.LongType.get(), "Frame index (0-based decode order)"),
                    optional(5, "time_s", Types.DoubleType.get(), "Presentation time of the frame, seconds"),
                    required(6, "label", Types.StringType.get(), "person, face, moving-object, or the label of a user's model"),
                    optional(7, "score", Types.DoubleType.get(), "Detector score: HOG SVM margin, BlazeFace probability (1 for the Haar cascade), changed share of a moving region, model confidence"),
                    optional(8, "x", Types.DoubleType.get(), "Box left, pixels of the upright frame"),
                    optional(9, "y", Types.DoubleType.get(), "Box top, pixels"),
                    optional(10, "width", Types.DoubleType.get(), "Box width, pixels"),
                    optional(11, "height", Types.DoubleType.get(), "Box height, pixels"),
                    optional(12, "track_id", Types.LongType.get(), "The kept track the box belongs to (from the track's first box); null when it belongs to none")),
            List.of(),
            r -> GenericRowData.of(Rows.string(r.uri()), Rows.string(r.version()), Rows.string(r.videoId()), r.frame(),
                    Rows.finite(r.timeS()), Rows.string(r.label()), Rows.finite(r.score()), Rows.finite(r.x()), Rows.finite(r.y()), Rows.finite(r.width()), Rows.finite(r.height()),
                    r.trackId() < 0 ? null : r.trackId()));

    public static final TableDefinition<VideoRows.Track> TRACKS = new TableDefinition<>(
            "video_tracks", "Objects followed across frames (SORT: Kalman prediction, IoU association).",
            new Schema(
                    required(1, "uri", Types.StringType.get(), "Object URI of the video"),
                    required(2, "version", Types.StringType.get(), "Object version"),
                    required(3, "video_id", Types.StringType.get(), "Stable id of the object version"),
                    required(4, "track_id", Types.LongType.get(), "Track id, stable for the video (order of confirmation among the kept tracks)"),
                    required(5, "label", Types.StringType.get(), "Label of the tracked object"),
                    optional(6, "first_time_s", Types.DoubleType.get(), "First matched frame, seconds"),
                    optional(7, "last_time_s", Types.DoubleType.get(), "Last matched frame, seconds"),
                    required(8, "frames", Types.LongType.get(), "Analysed frames with a matched detection"),
                    optional(9, "mean_x", Types.DoubleType.get(), "Mean box left, pixels"),
                    optional(10, "mean_y", Types.DoubleType.get(), "Mean box top, pixels"),
                    optional(11, "mean_width", Types.DoubleType.get(), "Mean box width, pixels"),
                    optional(12, "mean_height", Types.DoubleType.get(), "Mean box height, pixels"),
                    optional(13, "mean_score", Types.DoubleType.get(), "Mean detector score")),
            List.of(),
            t -> GenericRowData.of(Rows.string(t.uri()), Rows.string(t.version()), Rows.string(t.videoId()), t.trackId(),
                    Rows.string(t.label()), Rows.finite(t.firstTimeS()), Rows.finite(t.lastTimeS()), t.frames(), Rows.finite(t.meanX()), Rows.finite(t.meanY()),
                    Rows.finite(t.meanWidth()), Rows.finite(t.meanHeight()), Rows.finite(t.meanScore())));

    public static final TableDefinition<VideoRows.Summary> SUMMARY = new TableDefinition<>(
            "video_summary", "One row per video: stream properties, what was decoded and found, and how long it took.",
            new Schema(
                    required(1, "uri", Types.StringType.get(), "Object URI of the video"),
                    required(2, "version", Types.StringType.get(), "Object version"),
                    required(3, "video_id", Types.StringType.get(), "Stable id of the object version"),
                    optional(4, "container", Types.StringType.get(), "Container format as FFmpeg names it, e.g. mov,mp4,m4a,3gp,3g2,mj2 or avi"),
                    optional(5, "codec", Types.StringType.get(), "Video codec, e.g. h264"),
                    required(6, "width", Types.LongType.get(), "Displayed width in pixels (after rotation)"),
                    required(7, "height", Types.LongType.get(), "Displayed height in pixels (after rotation)"),
                    optional(8, "fps", Types.DoubleType.get(), "Frame rate the stream declares (frames may be variable; times are presentation times)"),
                    optional(9, "duration_s", Types.DoubleType.get(), "From the first frame to the end of the last decoded frame, seconds"),
                    required(10, "frames_decoded", Types.LongType.get(), "Frames decoded and analysed"),
                    optional(11, "rotation_deg", Types.DoubleType.get(), "Rotation from the display matrix, degrees counter-clockwise, applied before analysis"),
                    required(12, "scenes", Types.LongType.get(), "Scenes found by the first configured scene detector"),
                    required(13, "tracks", Types.LongType.get(), "Confirmed object tracks (0 when detection is off)"),
                    required(14, "partial", Types.BooleanType.get(), "True when the stream broke or ended early: rows cover the frames before the break"),
                    optional(15, "problem", Types.StringType.get(), "Why the video is partial"),
                    optional(16, "processing_s", Types.DoubleType.get(), "Wall time of the analysis, seconds")),
            List.of(),
            s -> GenericRowData.of(Rows.string(s.uri()), Rows.string(s.version()), Rows.string(s.videoId()),
                    Rows.string(s.container()), Rows.string(s.codec()), s.width(), s.height(), Rows.finite(s.fps()), Rows.finite(s.durationS()),
                    s.framesDecoded(), Rows.finite(s.rotationDeg()), s.scenes(), s.tracks(), s.partial(), Rows.string(s.problem()),
                    Rows.finite(s.processingS())));

    /** Every video table, in documentation order. */
    public static final List<TableDefinition<?>> ALL = List.of(SCENES, DETECTIONS, TRACKS, SUMMARY);
}
