package dev.sightline.gaze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts bad lines per kind of problem, keeping the first few line numbers of each. */
final class ProblemLog {
    private static final int LINES_KEPT = 3;
    private static final int KINDS_KEPT = 20;

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, List<Long>> firstLines = new LinkedHashMap<>();
    private long total;

    void add(long line, String problem) {
        total++;
        if (!counts.containsKey(problem) && counts.size() >= KINDS_KEPT) {
            problem = "other problems";
        }
        counts.computeIfAbsent(problem, k -> new long[1])[0]++;
        List<Long> lines = firstLines.computeIfAbsent(problem, k -> new ArrayList<>());
        if (lines.size() < LINES_KEPT) {
            lines.add(line);
        }
    }

    long total() {
        return total;
    }

    /** One line per kind of problem. */
    List<String> summaries() {
        List<String> out = new ArrayList<>();
        counts.forEach((problem, count) -> {
            List<Long> lines = firstLines.get(problem);
            String where = count[0] == 1 ? "line " + lines.get(0)
                    : count[0] + " lines (first " + lines.toString().replaceAll("[\\[\\]]", "") + ")";
            out.add(where + ": " + problem);
        });
        return out;
    }
}
