package dev.sightline.report;

import dev.sightline.sink.LedgerTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report of analysed objects: every plot drawn here as SVG (rasters as
 * embedded PNG or JPEG), styles inline, no script and no address fetched at view time.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#222;background:#fafafa}
            header{background:#1f2d3d;color:#fff;padding:16px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#cfd8e3}
            main{padding:8px 28px 40px;max-width:1000px}
            article.object{background:#fff;border:1px solid #ddd;border-radius:6px;margin:20px 0;padding:6px 20px 16px}
            article.object>h2{font-size:19px;margin:12px 0 4px}h2 .status{font-size:13px;padding:2px 8px;border-radius:10px;margin-left:8px;color:#fff}
            .status.done{background:#2ca02c}.status.partial{background:#e6a100}.status.failed{background:#d62728}
            section.media h2,section.ledger h2{font-size:16px;border-bottom:1px solid #eee;padding-bottom:4px}
            h3{font-size:14px;margin:14px 0 6px}h3 small{color:#888;font-weight:normal}
            table{border-collapse:collapse;font-size:12.5px;margin:4px 0}td,th{border:1px solid #e2e2e2;padding:3px 7px;text-align:left;vertical-align:top}
            th{background:#f3f5f7}table.facts th{width:230px}
            figure{margin:8px 0}figcaption{font-size:12px;color:#555}svg.plot{max-width:100%;height:auto;background:#fff}
            .strip{display:flex;flex-wrap:wrap;gap:6px}.keyframe{margin:0}.keyframe img{height:72px;display:block;border:1px solid #ccc}
            .pair{display:flex;flex-wrap:wrap;gap:16px}.pair figure{flex:1 1 420px}
            .transcript{max-height:420px;overflow:auto;font-size:13.5px}.segment{margin:2px 0;padding:3px 6px;border-radius:3px}
            .time{font-family:monospace;color:#555;margin-right:6px}.none{color:#888;font-style:italic;font-size:13px}
            nav ul{columns:2;font-size:13px}
            """;

    private HtmlReport() {}

    /** The report of {@code objects}: a contents list, then one article per object. */
    static String render(String title, String scope, List<ObjectRows> objects, ReportContext context) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">")
                .append("<title>").append(Html.esc(title)).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<header><h1>").append(Html.esc(title)).append("</h1><p>").append(objects.size()).append(" object(s): ")
                .append(Html.esc(scope)).append(" · made ").append(Html.esc(Instant.now().toString())).append("</p></header><main>");
        out.append("<nav><ul>");
        for (int i = 0; i < objects.size(); i++) {
            ObjectRows o = objects.get(i);
            out.append("<li><a href=\"#object-").append(i).append("\">").append(Html.esc(o.fileName())).append("</a> · ")
                    .append(Html.esc(o.mediaType())).append(", ").append(Html.esc(o.ledger().text("status", "?"))).append("</li>");
        }
        out.append("</ul></nav>");
        for (int i = 0; i < objects.size(); i++) {
            out.append(article(i, objects.get(i), context));
        }
        return out.append("</main></body></html>").toString();
    }

    private static String article(int index, ObjectRows object, ReportContext context) {
        String status = object.ledger().text("status", "unknown");
        StringBuilder out = new StringBuilder("<article class=\"object\" id=\"object-").append(index).append("\" data-media-type=\"")
                .append(Html.esc(object.mediaType())).append("\"><h2>").append(Html.esc(object.fileName()))
                .append("<span class=\"status ").append(Html.esc(status)).append("\">").append(Html.esc(status)).append("</span></h2>");
        out.append(VideoSection.render(object, context));
        out.append(AudioSection.render(object));
        out.append(GazeSection.render(object, context));
        out.append("<section class=\"ledger\"><h2>Ledger and dead letters</h2>");
        List<List<String>> ledger = new ArrayList<>();
        object.ledger().columns().forEachRemaining((Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e) ->
                ledger.add(List.of(e.getKey(), e.getValue().isNull() ? "–" : e.getValue().asText())));
        out.append(Html.part("media_objects", Html.facts(ledger)));
        List<List<String>> letters = object.of(LedgerTables.DEAD_LETTERS.name()).stream()
                .map(d -> List.of(d.text("stage", ""), d.text("error_class", ""), d.text("message", ""), d.text("occurred_at", "")))
                .toList();
        out.append(Html.part("dead_letters", letters.isEmpty() ? Html.none("None: nothing in this object was rejected.")
                : Html.table(List.of("stage", "error class", "message", "occurred at"), letters)));
        return out.append("</section></article>").toString();
    }
}
