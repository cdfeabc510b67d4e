package dev.sightline.scenelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The three scene-list formats: PySceneDetect's CSV layout, a CMX 3600 EDL checked by a parse
 * with that format's rules, and an OpenTimelineIO document checked against OTIO's schema rules
 * written down here; on a variable frame-rate list, times follow presentation times.
 */
class SceneListFormatsTest {

    /**
     * 25 fps nominal, but variable: the first 30 frames ran at 20 fps (1.5 s), then 25 fps. A
     * list built on frame numbers would put the cut at 1.2 s; presentation times put it at 1.5 s.
     */
    private static final SceneList VARIABLE = new SceneList("walk.mp4", "file:///data/walk.mp4", 25.0, 4.0, List.of(
            new SceneList.Scene(1, 0, 30, 0.0, 1.5),
            new SceneList.Scene(2, 30, 60, 1.5, 2.7),
            new SceneList.Scene(3, 60, 92, 2.7, 4.0)));

    @Test
    void csvHasPySceneDetectsLayoutWithOneBasedStartFramesAndClockTimecodes() {
        String[] lines = SceneListCsv.write(VARIABLE, true).split("\n");
        assertThat(lines[0]).isEqualTo("Timecode List:,00:00:01.500,00:00:02.700");
        assertThat(lines[1]).isEqualTo("Scene Number,Start Frame,Start Timecode,Start Time (seconds),End Frame,End Timecode,"
                + "End Time (seconds),Length (frames),Length (timecode),Length (seconds)");
        assertThat(lines[2]).isEqualTo("1,1,00:00:00.000,0.000,30,00:00:01.500,1.500,30,00:00:01.500,1.500");
        assertThat(lines[3]).isEqualTo("2,31,00:00:01.500,1.500,60,00:00:02.700,2.700,30,00:00:01.200,1.200");
        assertThat(lines).hasSize(5);
        assertThat(SceneListCsv.write(VARIABLE, false).split("\n")[0]).startsWith("Scene Number,");
    }

    @Test
    void edlParsesAsCmx3600WithContiguousCutsAtPresentationTimes() {
        List<Event> events = Cmx3600.parse(Cmx3600Edl.write(VARIABLE), 25);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).sourceIn()).isEqualTo(0);
        assertThat(events.get(1).sourceIn()).as("cut at 1.5 s = 37.5 frames of 25 fps, rounded").isEqualTo(38);
        assertThat(events.get(2).sourceOut()).isEqualTo(100);
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            assertThat(e.number()).isEqualTo(i + 1);
            assertThat(e.clipName()).isEqualTo("walk.mp4");
            assertThat(e.recordOut() - e.recordIn()).as("record duration = source duration").isEqualTo(e.sourceOut() - e.sourceIn());
            if (i > 0) {
                assertThat(e.recordIn()).as("record timecodes follow on").isEqualTo(events.get(i - 1).recordOut());
                assertThat(e.sourceIn()).as("scenes follow on").isEqualTo(events.get(i - 1).sourceOut());
            }
        }
    }

    @Test
    void edlTimecodesCountNonDropFramesAtTheNominalRate() {
        SceneList ntsc = new SceneList("n.mp4", "file:///n.mp4", 30000 / 1001.0, 70, List.of(new SceneList.Scene(1, 0, 2098, 0, 70.0)));
        List<Event> events = Cmx3600.parse(Cmx3600Edl.write(ntsc), 30);
        assertThat(events.get(0).sourceOut()).as("70 s of 29.97 fps = 2098 frames, counted at base 30").isEqualTo(2098);
        assertThat(Cmx3600Edl.write(ntsc)).contains("00:01:09:28");
    }

    @Test
    void anEdlCannotHoldMoreThan999Events() {
        List<SceneList.Scene> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(new SceneList.Scene(i + 1, i * 25L, (i + 1) * 25L, i, i + 1));
        }
        assertThatThrownBy(() -> Cmx3600Edl.write(new SceneList("long.mp4", "file:///long.mp4", 25, 1000, many)))
                .hasMessageContaining("999");
    }

    @Test
    void otioFollowsTheSchemaRulesWithClipsAtPresentationTimes() throws Exception {
        JsonNode timeline = new ObjectMapper().readTree(OtioTimeline.write(VARIABLE));
        Otio.check(timeline);
        assertThat(timeline.get("OTIO_SCHEMA").asText()).isEqualTo("Timeline.1");
        JsonNode track = timeline.get("tracks").get("children").get(0);
        assertThat(track.get("kind").asText()).isEqualTo("Video");
        JsonNode clips = track.get("children");
        assertThat(clips).hasSize(3);
        JsonNode second = clips.get(1).get("source_range");
        assertThat(second.get("start_time").get("value").asDouble() / second.get("start_time").get("rate").asDouble())
                .as("second scene starts at 1.5 s").isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode reference = clips.get(0).get("media_references").get(clips.get(0).get("active_media_reference_key").asText());
        assertThat(reference.get("target_url").asText()).isEqualTo("file:///data/walk.mp4");
    }

    @Test
    void theOtioRulesRejectWhatOtioRejects() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode good = json.readTree(OtioTimeline.write(VARIABLE));
        JsonNode noSchema = json.readTree(OtioTimeline.write(VARIABLE).replaceFirst("\"OTIO_SCHEMA\" : \"Stack.1\"", "\"x\" : \"Stack.1\""));
        assertThatThrownBy(() -> Otio.check(noSchema)).hasMessageContaining("OTIO_SCHEMA");
        ((com.fasterxml.jackson.databind.node.ObjectNode) good.get("tracks").get("children").get(0).get("children").get(1)
                .get("source_range").get("start_time")).put("rate", 0);
        assertThatThrownBy(() -> Otio.check(good)).hasMessageContaining("rate");
    }

    /** One event of a CMX 3600 EDL. */
    private record Event(int number, String reel, long sourceIn, long sourceOut, long recordIn, long recordOut, String clipName) {}

    /** A CMX 3600 reader with the format's rules: title, frame-code mode, events with four timecodes, comments. */
    private static final class Cmx3600 {
        private static final Pattern EVENT = Pattern.compile(
                "^(\\d{3})  (\\S{1,8}) +(V|A|A2|AA|B|AA/V) +(C|D|W\\d{3}|K[BO]?) +(\\d{2}:\\d{2}:\\d{2}:\\d{2}) (\\d{2}:\\d{2}:\\d{2}:\\d{2})"
                        + " (\\d{2}:\\d{2}:\\d{2}:\\d{2}) (\\d{2}:\\d{2}:\\d{2}:\\d{2})$");

        static List<Event> parse(String text, int base) {
            String[] lines = text.split("\n", -1);
            assertThat(lines[0]).matches("TITLE: .{1,70}");
            assertThat(lines[1]).isIn("FCM: NON-DROP FRAME", "FCM: DROP FRAME");
            List<Event> events = new ArrayList<>();
            for (int i = 2; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("* ")) {
                    assertThat(events).as("a comment follows an event").isNotEmpty();
                    if (line.startsWith("* FROM CLIP NAME: ")) {
                        Event last = events.remove(events.size() - 1);
                        events.add(new Event(last.number(), last.reel(), last.sourceIn(), last.sourceOut(), last.recordIn(), last.recordOut(),
                                line.substring("* FROM CLIP NAME: ".length())));
                    }
                    continue;
                }
                Matcher m = EVENT.matcher(line);
                assertThat(m.matches()).as("an event line: '" + line + "'").isTrue();
                long in = frames(m.group(5), base);
                long out = frames(m.group(6), base);
                assertThat(out).as("source out after source in").isGreaterThan(in);
                events.add(new Event(Integer.parseInt(m.group(1)), m.group(2), in, out, frames(m.group(7), base), frames(m.group(8), base), null));
            }
            return events;
        }

        private static long frames(String timecode, int base) {
            String[] p = timecode.split(":");
            int h = Integer.parseInt(p[0]);
            int m = Integer.parseInt(p[1]);
            int s = Integer.parseInt(p[2]);
            int f = Integer.parseInt(p[3]);
            assertThat(m).isLessThan(60);
            assertThat(s).isLessThan(60);
            assertThat(f).as("frames below the timecode base in " + timecode).isLessThan(base);
            return ((h * 60L + m) * 60 + s) * base + f;
        }
    }

    /** OpenTimelineIO's schema rules for the objects a scene list uses (as its JSON adapter reads them). */
    private static final class Otio {
        private static final Map<String, Set<String>> REQUIRED = Map.of(
                "Timeline.1", Set.of("name", "metadata", "global_start_time", "tracks"),
                "Stack.1", Set.of("name", "metadata", "source_range", "effects", "markers", "enabled", "children"),
                "Track.1", Set.of("name", "metadata", "source_range", "effects", "markers", "enabled", "children", "kind"),
                "Clip.2", Set.of("name", "metadata", "source_range", "effects", "markers", "enabled", "media_references",
                        "active_media_reference_key"),
                "ExternalReference.1", Set.of("name", "metadata", "target_url", "available_range"),
                "TimeRange.1", Set.of("start_time", "duration"),
                "RationalTime.1", Set.of("rate", "value"));

        static void check(JsonNode root) {
            visit(root, "$");
            double at = -1;
            for (JsonNode track : root.get("tracks").get("children")) {
                if (!Set.of("Video", "Audio").contains(track.get("kind").asText())) {
                    throw new IllegalStateException("a track's kind is Video or Audio, not " + track.get("kind"));
                }
                for (JsonNode clip : track.get("children")) {
                    JsonNode range = clip.get("source_range");
                    double start = seconds(range.get("start_time"));
                    double length = seconds(range.get("duration"));
                    if (at >= 0 && Math.abs(start - at) > 1e-9) {
                        throw new IllegalStateException("clips of a scene list follow on: " + start + " after " + at);
                    }
                    at = start + length;
                    JsonNode reference = clip.get("media_references").get(clip.get("active_media_reference_key").asText());
                    if (reference == null || reference.get("target_url").asText().isEmpty()) {
                        throw new IllegalStateException("the active media reference names a target");
                    }
                    JsonNode available = reference.get("available_range");
                    if (start < seconds(available.get("start_time")) - 1e-9
                            || at > seconds(available.get("start_time")) + seconds(available.get("duration")) + 1e-9) {
                        throw new IllegalStateException("a clip's range lies within its media's available range");
                    }
                }
            }
        }

        private static void visit(JsonNode node, String path) {
            if (node.isObject()) {
                if (!node.has("OTIO_SCHEMA") && !path.endsWith(".metadata") && !path.endsWith(".media_references")) {
                    throw new IllegalStateException("an object without OTIO_SCHEMA at " + path);
                }
                if (node.has("OTIO_SCHEMA")) {
                    String schema = node.get("OTIO_SCHEMA").asText();
                    if (!schema.matches("[A-Za-z]+\\.\\d+")) {
                        throw new IllegalStateException("OTIO_SCHEMA is Name.version, not " + schema + " at " + path);
                    }
                    Set<String> required = REQUIRED.get(schema);
                    if (required == null) {
                        throw new IllegalStateException("unexpected schema " + schema + " at " + path);
                    }
                    for (String key : required) {
                        if (!node.has(key)) {
                            throw new IllegalStateException(schema + " at " + path + " lacks " + key);
                        }
                    }
                    if (schema.equals("RationalTime.1") && !(node.get("rate").asDouble() > 0 && Double.isFinite(node.get("value").asDouble()))) {
                        throw new IllegalStateException("a RationalTime has a positive rate and a finite value at " + path);
                    }
                    if (schema.equals("TimeRange.1") && node.get("duration").get("value").asDouble() < 0) {
                        throw new IllegalStateException("a TimeRange's duration is not negative at " + path);
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    visit(e.getValue(), path + "." + e.getKey());
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    visit(node.get(i), path + "[" + i + "]");
                }
            }
        }

        private static double seconds(JsonNode time) {
            return time.get("value").asDouble() / time.get("rate").asDouble();
        }
    }
}
