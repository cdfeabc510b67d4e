package dev.sightline.cli;

import dev.sightline.ingest.ObjectNames;
import dev.sightline.ingest.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows the progress of {@code sightline analyze} on stderr: on a terminal one status line,
 * rewritten at most twice a second, with the stage and how far it is; a plain line per finished
 * object either way.
 */
final class ProgressConsole implements ProgressListener {

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final int objects;
    private int current;
    private long shownAt;
    private boolean lineOpen;

    ProgressConsole(PrintWriter err, boolean terminal, int objects) {
        this.err = err;
        this.terminal = terminal;
        this.objects = objects;
    }

    /** Whether stderr is a terminal that status lines can be rewritten on. */
    static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** The next object starts. */
    void starting(String uri, String mediaType) {
        current++;
        shownAt = 0;
        progress(uri, "start", 0, 0, mediaType);
    }

    @Override
    public void progress(String uri, String stage, double done, double total, String unit) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (shownAt != 0 && now - shownAt < INTERVAL_NANOS) {
            return;
        }
        shownAt = now;
        String amount = "start".equals(stage) ? unit
                : total > 0 ? String.format(Locale.ROOT, "%s %s of %s %s (%.0f%%)", stage, amount(done, unit), amount(total, unit), unit,
                        100 * done / total)
                : String.format(Locale.ROOT, "%s %s %s", stage, amount(done, unit), unit);
        err.print("\r\u001b[K" + prefix() + ObjectNames.fileName(uri) + ": " + amount);
        err.flush();
        lineOpen = true;
    }

    /** The current object finished: one plain line. */
    void finished(String uri, String mediaType, String status, double seconds) {
        clear();
        err.printf(Locale.ROOT, "%s%-7s %-6s %6.2f s  %s%n", prefix(), status, mediaType, seconds, ObjectNames.fileName(uri));
        err.flush();
    }

    private void clear() {
        if (lineOpen) {
            err.print("\r\u001b[K");
            lineOpen = false;
        }
    }

    private String prefix() {
        return objects > 1 ? "[" + current + "/" + objects + "] " : "";
    }

    /** An amount in its unit: seconds to a tenth, bytes with separators, frames whole. */
    static String amount(double value, String unit) {
        return switch (unit) {
            case "s" -> String.format(Locale.ROOT, "%.1f", value);
            case "bytes" -> String.format(Locale.ROOT, "%,d", (long) value);
            default -> String.format(Locale.ROOT, "%d", (long) value);
        };
    }
}
