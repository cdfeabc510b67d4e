package dev.sightline.offload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.ingest.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing rules: the grammar, units, precedence, first match, unknowns, and clear errors. */
class RouteRuleTest {

    private static MediaFacts video(long bytes, double seconds, long width, long height) {
        return new MediaFacts("s3://in/team-a/clip.mp4", MediaType.VIDEO, bytes, seconds, width, height);
    }

    @Test
    void theIssuesExampleSendsLongOrLargeVideosToTheGpuQueueAndKeepsTheRest() {
        RouteRules rules = RouteRules.parse(List.of("video where duration > 10m or size > 1GB -> queue gpu", "video -> in-task"),
                RouteTarget.queue("default"));
        assertThat(rules.match(video(2_000_000_000L, 60, 1920, 1080)).target()).isEqualTo(RouteTarget.queue("gpu"));
        assertThat(rules.match(video(10_000_000L, 601, 1920, 1080)).target()).isEqualTo(RouteTarget.queue("gpu"));
        assertThat(rules.match(video(10_000_000L, 599, 1920, 1080)).target()).isEqualTo(RouteTarget.IN_TASK);
        assertThat(rules.match(new MediaFacts("s3://in/a.wav", MediaType.AUDIO, 5, Double.NaN, 0, 0))).as("no rule for audio").isNull();
        assertThat(rules.needsProbe(MediaType.VIDEO)).isTrue();
        assertThat(rules.needsProbe(MediaType.AUDIO)).isFalse();
        assertThat(rules.queues()).containsExactly("default", "gpu");
    }

    @Test
    void andBindsTighterThanOrAndParenthesesAndNotWork() {
        RouteRule rule = RouteRule.parse("video where width >= 3840 or height > 2000 and size < 100MiB -> offload");
        assertThat(rule.condition().test(video(500L << 20, 10, 3840, 2160))).as("4K wide, whatever the size").isTrue();
        assertThat(rule.condition().test(video(50L << 20, 10, 1000, 2100))).isTrue();
        assertThat(rule.condition().test(video(500L << 20, 10, 1000, 2100))).isFalse();
        RouteRule grouped = RouteRule.parse("video where (width >= 3840 or height > 2000) and size < 100MiB -> offload");
        assertThat(grouped.condition().test(video(500L << 20, 10, 3840, 2160))).isFalse();
        RouteRule negated = RouteRule.parse("any where not prefix s3://in/team-a/ -> queue shared");
        assertThat(negated.condition().test(video(1, 1, 1, 1))).isFalse();
        assertThat(negated.covers(MediaType.GAZE)).isTrue();
        assertThat(negated.condition().needsProbe()).isFalse();
        RouteRule two = RouteRule.parse("video, audio where size > 1MB -> offload");
        assertThat(two.covers(MediaType.AUDIO)).isTrue();
        assertThat(two.covers(MediaType.GAZE)).isFalse();
    }

    @Test
    void unitsScaleAmounts() {
        assertThat(RouteRule.parse("video where size > 1KiB -> in-task").condition().test(video(1025, 1, 1, 1))).isTrue();
        assertThat(RouteRule.parse("video where size > 1KiB -> in-task").condition().test(video(1024, 1, 1, 1))).isFalse();
        assertThat(RouteRule.parse("video where size > 1KB -> in-task").condition().test(video(1001, 1, 1, 1))).isTrue();
        assertThat(RouteRule.parse("audio where duration >= 1.5h -> offload").condition()
                .test(new MediaFacts("x", MediaType.AUDIO, 1, 5400, 0, 0))).isTrue();
        assertThat(RouteRule.parse("audio where duration < 500ms -> offload").condition()
                .test(new MediaFacts("x", MediaType.AUDIO, 1, 0.4, 0, 0))).isTrue();
    }

    @Test
    void anUnknownDurationOrSizeMatchesNoComparison() {
        RouteRule rule = RouteRule.parse("video where duration > 10m or width > 100 -> queue gpu");
        assertThat(rule.condition().test(video(1, Double.NaN, 0, 0))).isFalse();
        assertThat(RouteRule.parse("video where not duration > 10m -> in-task").condition().test(video(1, Double.NaN, 0, 0)))
                .as("not of an unknown is true: write rules that send what is known").isTrue();
    }

    @Test
    void badRulesSayWhatIsWrong() {
        assertThatThrownBy(() -> RouteRule.parse("video where duration > 10 minutes -> in-task"))
                .hasMessageContaining("unexpected 'minutes'");
        assertThatThrownBy(() -> RouteRule.parse("video where duration > 10y -> in-task")).hasMessageContaining("unknown duration unit 'y'");
        assertThatThrownBy(() -> RouteRule.parse("film -> in-task")).hasMessageContaining("unknown media 'film'");
        assertThatThrownBy(() -> RouteRule.parse("video where duration > 10m")).hasMessageContaining("MEDIA [where CONDITION] -> TARGET");
        assertThatThrownBy(() -> RouteRule.parse("video -> somewhere")).hasMessageContaining("in-task, offload or queue NAME");
        assertThatThrownBy(() -> RouteRule.parse("gaze where duration > 1m -> offload")).hasMessageContaining("gaze recordings have no duration");
        assertThatThrownBy(() -> RouteRule.parse("audio where width > 10 -> offload")).hasMessageContaining("audio has no width");
        assertThatThrownBy(() -> RouteRule.parse("video where (size > 1GB -> offload")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> RouteRule.parse("video where bitrate > 1 -> offload")).hasMessageContaining("unknown field 'bitrate'");
        assertThatThrownBy(() -> RouteRule.parse("video where size ~ 1 -> offload")).hasMessageContaining("'~'");
    }
}
