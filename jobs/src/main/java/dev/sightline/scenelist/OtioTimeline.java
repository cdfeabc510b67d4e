package dev.sightline.scenelist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A scene list as an OpenTimelineIO timeline (JSON, schema versions of OpenTimelineIO 0.15 and
 * later), as PySceneDetect's {@code save-otio} writes it: one video track of clips, one per scene,
 * each referring to the source file with its time range at the stream's frame rate; times come
 * from presentation times, so variable frame rate video keeps its real timing.
 */
public final class OtioTimeline {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OtioTimeline() {}

    /** The {@code .otio} document. */
    public static String write(SceneList list) {
        double rate = list.frameRate();
        ObjectNode timeline = object("Timeline.1", list.name());
        timeline.putNull("global_start_time");
        ObjectNode stack = object("Stack.1", "tracks");
        ObjectNode track = object("Track.1", "Video 1");
        track.put("kind", "Video");
        ArrayNode clips = track.putArray("children");
        for (SceneList.Scene s : list.scenes()) {
            ObjectNode clip = object("Clip.2", String.format("%s scene %d", list.name(), s.number()));
            clip.set("source_range", range(s.startS(), s.lengthS(), rate));
            ObjectNode reference = object("ExternalReference.1", "");
            reference.put("target_url", list.sourceUri());
            reference.set("available_range", range(0, list.durationS(), rate));
            clip.putObject("media_references").set("DEFAULT_MEDIA", reference);
            clip.put("active_media_reference_key", "DEFAULT_MEDIA");
            clips.add(clip);
        }
        stack.putArray("children").add(track);
        timeline.set("tracks", stack);
        try {
            return JSON.writeValueAsString(timeline) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the timeline of " + list.name(), e);
        }
    }

    /** An OTIO object of {@code schema}: name, empty metadata, and the composable's fields where they apply. */
    private static ObjectNode object(String schema, String name) {
        ObjectNode node = JSON.createObjectNode();
        node.put("OTIO_SCHEMA", schema);
        node.putObject("metadata");
        node.put("name", name);
        if (schema.startsWith("Clip") || schema.startsWith("Track") || schema.startsWith("Stack")) {
            node.putNull("source_range");
            node.putArray("effects");
            node.putArray("markers");
            node.put("enabled", true);
        }
        return node;
    }

    private static ObjectNode range(double startS, double lengthS, double rate) {
        ObjectNode range = JSON.createObjectNode();
        range.put("OTIO_SCHEMA", "TimeRange.1");
        range.set("duration", time(lengthS, rate));
        range.set("start_time", time(startS, rate));
        return range;
    }

    private static ObjectNode time(double seconds, double rate) {
        ObjectNode time = JSON.createObjectNode();
        time.put("OTIO_SCHEMA", "RationalTime.1");
        time.put("rate", rate);
        time.put("value", seconds * rate);
        return time;
    }
}
