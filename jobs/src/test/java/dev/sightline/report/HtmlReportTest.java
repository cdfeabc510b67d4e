package dev.sightline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void textFromTheTablesIsEscapedSoATranscriptCannotInjectMarkup() {
        ObjectRows object = audioObject("<script>alert(1)</script> & \"quotes\"");
        String html = HtmlReport.render("t", "s", List.of(object), new ReportContext(null, new StimulusImages(null, null), null));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(html).contains("Content-Security-Policy", "default-src 'none'");
    }

    @Test
    void plotsAreWellFormedSvgWithTheirNames() throws Exception {
        String svg = Charts.timeline("scenes & tracks", 10, List.of(new Charts.Lane("a<b", List.of(new Charts.Span(1, 2, "#000", "x>y")))));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo("scenes & tracks");
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(1);
    }

    @Test
    void axesTickInOneTwoFiveStepsAndDecades() {
        assertThat(Axis.linear(0, 10, 0, 100).ticks(5)).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0);
        assertThat(Axis.logarithmic(0.1, 100, 0, 100).ticks(5)).hasSize(4);
        assertThat(Axis.linear(0, 10, 0, 100).at(5)).isEqualTo(50);
        assertThat(Axis.logarithmic(1, 100, 0, 100).at(10)).isEqualTo(50, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void sentimentRunsFromRedThroughGreyToGreen() {
        assertThat(AudioSection.sentimentColour(-1)).isEqualTo("#d62728");
        assertThat(AudioSection.sentimentColour(0)).isEqualTo("#aaaaaa");
        assertThat(AudioSection.sentimentColour(1)).isEqualTo("#2ca02c");
    }

    private static ObjectRows audioObject(String text) {
        ObjectNode ledger = JsonNodeFactory.instance.objectNode().put("uri", "file:///in/a.wav").put("version", "1").put("media_type", "audio")
                .put("status", "done");
        ObjectNode transcript = JsonNodeFactory.instance.objectNode().put("duration_s", 5.0).put("media_type", "audio").put("text", text);
        ObjectNode segment = JsonNodeFactory.instance.objectNode().put("segment_index", 0).put("start_s", 0.5).put("end_s", 2.0)
                .put("text", text).put("sentiment_compound", -0.4);
        Map<String, List<ReportRow>> tables = new LinkedHashMap<>();
        tables.put("media_objects", List.of(new ReportRow(ledger)));
        tables.put("audio_transcripts", List.of(new ReportRow(transcript)));
        tables.put("transcript_segments", List.of(new ReportRow(segment)));
        return new ObjectRows(new ReportRow(ledger), tables);
    }
}
