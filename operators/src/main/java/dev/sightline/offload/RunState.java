package dev.sightline.offload;

/** Where a compute run is, in AWS Batch's terms; every backend reports these states. */
public enum RunState {
    SUBMITTED,
    PENDING,
    RUNNABLE,
    STARTING,
    RUNNING,
    SUCCEEDED,
    FAILED;

    /** True once the run has ended, well or badly. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }

    /** The state named by Batch's {@code status} field. */
    public static RunState of(String batchStatus) {
        return valueOf(batchStatus);
    }
}
