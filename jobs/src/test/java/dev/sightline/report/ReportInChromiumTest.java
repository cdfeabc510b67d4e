package dev.sightline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.cli.SightlineCommand;
import dev.sightline.config.ConfigKeys;
import dev.sightline.demo.DemoSamples;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the demo's samples (a video, speech, an eye-tracking recording, a corrupt file)
 * opened in headless Chromium: it loads with no error and no request beyond the file itself,
 * every section is there, every plot and keyframe has a size. The screenshot is kept in
 * {@code target/report-screenshots/}. Skips without Debian's chromium package.
 */
class ReportInChromiumTest {

    private static final Path ARTIFACTS = Path.of("target", "report-screenshots");

    @Test
    void theDemoSamplesReportLoadsCleanlyWithEveryPlotDrawn(@TempDir Path dir) throws Exception {
        assumeTrue(HeadlessChromium.installed(), "needs Debian's chromium package (/usr/bin/chromium)");
        List<String> args = new ArrayList<>(List.of("analyze", "--report", dir.resolve("report.html").toString(),
                "--set", ConfigKeys.PROCESSED_PATH.name() + "=" + dir.resolve("processed"),
                "--set", ConfigKeys.GAZE_SCREEN_WIDTH_PX.name() + "=1024", "--set", ConfigKeys.GAZE_SCREEN_HEIGHT_PX.name() + "=768",
                "--set", ConfigKeys.GAZE_AOI_PREFIX + "left-half=rect 0 0 512 768"));
        for (String uri : DemoSamples.write(dir.resolve("inbox"))) {
            args.add(Path.of(URI.create(uri)).toString());
        }
        int code = SightlineCommand.execute(args.toArray(String[]::new));
        assertThat(code).as("the corrupt sample fails, the rest is analysed").isEqualTo(3);
        Path report = dir.resolve("report.html");
        Files.createDirectories(ARTIFACTS);
        Files.copy(report, ARTIFACTS.resolve("demo-report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        try (HeadlessChromium chromium = new HeadlessChromium(dir.resolve("profile"))) {
            chromium.open(report.toUri().toString());
            JsonNode page = new ObjectMapper().readTree(chromium.evaluate("""
                    JSON.stringify({
                      articles: [...document.querySelectorAll('article.object')].map(a => a.dataset.mediaType),
                      sections: [...document.querySelectorAll('section')].map(s => s.className),
                      plots: [...document.querySelectorAll('svg.plot, .keyframe img')].map(e => {
                        const r = e.getBoundingClientRect();
                        return {name: e.getAttribute('aria-label') || e.alt, width: r.width, height: r.height,
                                loaded: e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0)};
                      }),
                      segments: document.querySelectorAll('.transcript .segment').length,
                      deadLetters: [...document.querySelectorAll('section.ledger table')].length
                    })""").asText());
            Files.write(ARTIFACTS.resolve("demo-report.png"), chromium.screenshot());

            assertThat(chromium.problems()).as("errors while loading").isEmpty();
            assertThat(chromium.requests()).as("nothing fetched but the file").allMatch(url -> url.startsWith("file:") || url.startsWith("data:"));
            List<String> articles = new ArrayList<>();
            page.get("articles").forEach(a -> articles.add(a.asText()));
            assertThat(articles).containsExactlyInAnyOrder("video", "audio", "gaze", "unknown");
            List<String> sections = new ArrayList<>();
            page.get("sections").forEach(s -> sections.add(s.asText()));
            assertThat(sections).contains("media video", "media audio", "media gaze", "ledger");
            List<String> names = new ArrayList<>();
            for (JsonNode plot : page.get("plots")) {
                names.add(plot.get("name").asText());
                assertThat(plot.get("width").asDouble()).as(plot.get("name").asText() + " width").isPositive();
                assertThat(plot.get("height").asDouble()).as(plot.get("name").asText() + " height").isPositive();
                assertThat(plot.get("loaded").asBoolean()).as(plot.get("name").asText() + " loaded").isTrue();
            }
            assertThat(names).contains("scenes and tracks", "sentiment per segment", "scanpath", "heatmap", "main sequence", "velocity")
                    .anyMatch(n -> n.startsWith("scene "));
            assertThat(page.get("segments").asInt()).isPositive();
            assertThat(Files.size(ARTIFACTS.resolve("demo-report.png"))).isGreaterThan(10_000);
        }
    }
}
