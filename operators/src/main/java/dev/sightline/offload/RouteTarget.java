package dev.sightline.offload;

import java.io.Serializable;

/** Where a routing rule sends an object: the task's own analysis, or offload to a named queue. */
public record RouteTarget(boolean offload, String queue) implements Serializable {

    /** Analysed in the task manager, as without offload. */
    public static final RouteTarget IN_TASK = new RouteTarget(false, null);

    /** Offloaded to {@code queue}. */
    public static RouteTarget queue(String queue) {
        return new RouteTarget(true, queue);
    }

    @Override
    public String toString() {
        return offload ? "queue " + queue : "in-task";
    }
}
