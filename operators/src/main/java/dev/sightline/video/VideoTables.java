package dev.sightline.video;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import dev.sightline.sink.Rows;
import dev.sightline.sink.TableDefinition;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/** The video analysis tables: scenes and one summary per video. */
public final class VideoTables {

    private VideoTables() {}

    private static Double d(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

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
                    Rows.string(s.detector()), s.sceneIndex(), s.startFrame(), s.endFrame(), d(s.startTimeS()), d(s.endTimeS()),
                    d(s.cutScore()), Rows.string(s.keyframeUri())));

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
                    required(13, "tracks", Types.LongType.get(), "Object tracks found (0 until detection and tracking are enabled)"),
                    required(14, "partial", Types.BooleanType.get(), "True when the stream broke or ended early: rows cover the frames before the break"),
                    optional(15, "problem", Types.StringType.get(), "Why the video is partial"),
                    optional(16, "processing_s", Types.DoubleType.get(), "Wall time of the analysis, seconds")),
            List.of(),
            s -> GenericRowData.of(Rows.string(s.uri()), Rows.string(s.version()), Rows.string(s.videoId()),
                    Rows.string(s.container()), Rows.string(s.codec()), s.width(), s.height(), d(s.fps()), d(s.durationS()),
                    s.framesDecoded(), d(s.rotationDeg()), s.scenes(), s.tracks(), s.partial(), Rows.string(s.problem()),
                    d(s.processingS())));

    /** Every video table, in documentation order. */
    public static final List<TableDefinition<?>> ALL = List.of(SCENES, SUMMARY);
}
