package dev.sightline.offload;

import java.io.Serializable;

/**
 * Where one task's documents live in the object store, under {@code <offload root>/<task id>/}:
 * the task the job writes, and the result, its completion marker and the failure reason the
 * worker writes. The marker is written after the result, so a marker means a whole result.
 */
public record TaskFiles(String folder) implements Serializable {

    /** The files of task {@code taskId} under {@code root} (a path URI or s3:// prefix). */
    public static TaskFiles of(String root, String taskId) {
        return new TaskFiles((root.endsWith("/") ? root : root + "/") + taskId + "/");
    }

    /** What to run: the object, the analysis and its settings (written by the job). */
    public String task() {
        return folder + "task.json";
    }

    /** The rows of the analysis, in {@code sightline analyze --json}'s format (written by the worker). */
    public String result() {
        return folder + "result.json";
    }

    /** Written by the worker after the result: the result is complete. */
    public String marker() {
        return folder + "_SUCCESS";
    }

    /** Why the worker gave up (written by the worker before it exits non-zero). */
    public String failure() {
        return folder + "failure.json";
    }
}
