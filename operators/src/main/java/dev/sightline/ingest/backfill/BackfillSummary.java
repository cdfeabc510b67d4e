package dev.sightline.ingest.backfill;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.ingest.MediaType;
import dev.sightline.ingest.ObjectStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a backfill stands: objects listed, finished ones by media type and status, which tracker
 * subtasks have seen the end of the listing, and whether completion was reported. Kept in
 * {@link BackfillCompletion}'s state as JSON, which is also the body of the completion notice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BackfillSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The notice's type, for receivers that take several kinds. */
    public String event = "sightline.backfill.completed";
    /** The listed prefix. */
    public String backfill;
    /** The job's name. */
    public String job;
    public long listed;
    /** Finished objects by media type, then status ({@code done}, {@code partial}, {@code failed}). */
    public Map<String, Map<String, Long>> finished = new TreeMap<>();
    /** Finished objects by status, over every media type. */
    public Map<String, Long> byStatus = new TreeMap<>();
    public TreeSet<Integer> listingEndedIn = new TreeSet<>();
    public int trackerSubtasks = -1;
    /** The checkpoint that holds every result of the backfill (set when it is complete). */
    public Long checkpoint;
    /** When completion was reported (ISO-8601). */
    public String completedAt;

    public BackfillSummary() {}

    BackfillSummary(String backfill, String job) {
        this.backfill = backfill;
        this.job = job;
    }

    void add(BackfillEvent event) {
        switch (event.kind()) {
            case LISTED -> listed++;
            case FINISHED -> {
                finished.computeIfAbsent(event.mediaType().label(), k -> new TreeMap<>()).merge(event.status().label(), 1L, Long::sum);
                byStatus.merge(event.status().label(), 1L, Long::sum);
            }
            case LISTING_ENDED -> {
                listingEndedIn.add(event.subtask());
                trackerSubtasks = event.subtasks();
            }
        }
    }

    /** Objects finished so far. */
    @JsonIgnore
    public long finishedCount() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True once the listing has ended everywhere and every listed object has finished. */
    @JsonIgnore
    public boolean complete() {
        return trackerSubtasks > 0 && listingEndedIn.size() == trackerSubtasks && finishedCount() == listed;
    }

    /** Finished objects of one media type and status. */
    public long count(MediaType type, ObjectStatus status) {
        return finished.getOrDefault(type.label(), Map.of()).getOrDefault(status.label(), 0L);
    }

    /** The summary as JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A summary from {@link #toJson()}. */
    public static BackfillSummary fromJson(String json) {
        try {
            return JSON.readValue(json, BackfillSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line for the log. */
    String describe() {
        StringBuilder line = new StringBuilder().append(listed).append(" objects listed, ");
        line.append(byStatus.getOrDefault("done", 0L)).append(" done, ").append(byStatus.getOrDefault("partial", 0L)).append(" partial, ")
                .append(byStatus.getOrDefault("failed", 0L)).append(" failed");
        if (!finished.isEmpty()) {
            line.append(" (");
            finished.forEach((type, statuses) -> line.append(type).append(' ').append(statuses).append("; "));
            line.setLength(line.length() - 2);
            line.append(')');
        }
        return line.toString();
    }
}
