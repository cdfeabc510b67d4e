package dev.sightline.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.metrics.MetricGroup;

/**
 * The objects one subtask is working on and how far each is, published as the text gauge
 * {@value #GAUGE} (a line per object) that {@code sightline run} reads through Flink's REST API.
 * Entries leave when the stage is done with the object, or after {@value #EXPIRY_MS} ms without
 * news (stages that see an object in pieces, like transcription, never learn of its end).
 */
public final class InFlightObjects implements ProgressListener {

    /** The gauge's name. */
    public static final String GAUGE = "objectsInFlight";
    /** Objects listed per subtask at most (the gauge's text must stay small). */
    static final int MAX = 16;
    static final long EXPIRY_MS = 30_000;

    /** How far one object is at one stage. */
    public record Progress(String uri, String stage, double done, double total, String unit) {}

    private record Entry(Progress progress, long atMillis) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** A board published as {@value #GAUGE} in {@code group}. */
    public static InFlightObjects register(MetricGroup group) {
        InFlightObjects board = new InFlightObjects();
        group.gauge(GAUGE, board::text);
        return board;
    }

    @Override
    public synchronized void progress(String uri, String stage, double done, double total, String unit) {
        entries.put(uri, new Entry(new Progress(uri, stage, done, total, unit), System.currentTimeMillis()));
    }

    /** The stage is done with {@code uri}. */
    public synchronized void finished(String uri) {
        entries.remove(uri);
    }

    /** The gauge's value: a line per object, tab-separated uri, stage, done, total, unit. */
    public synchronized String text() {
        long now = System.currentTimeMillis();
        entries.values().removeIf(e -> now - e.atMillis() > EXPIRY_MS);
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (Entry e : entries.values()) {
            if (n++ == MAX) {
                break;
            }
            Progress p = e.progress();
            out.append(p.uri().replace('\t', ' ').replace('\n', ' ')).append('\t').append(p.stage()).append('\t')
                    .append(String.format(Locale.ROOT, "%.1f\t%.1f", p.done(), p.total())).append('\t').append(p.unit()).append('\n');
        }
        return out.toString();
    }

    /** The entries of a gauge's value; lines that do not parse are left out. */
    public static List<Progress> parse(String text) {
        List<Progress> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 5) {
                try {
                    out.add(new Progress(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4]));
                } catch (NumberFormatException e) {
                    // another writer's line: not ours to show
                }
            }
        }
        return out;
    }
}
