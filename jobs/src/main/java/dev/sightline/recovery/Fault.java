package dev.sightline.recovery;

/** A fault a {@link RecoveryDrill} injects into a running job. */
public enum Fault {
    /** SIGKILL a TaskManager and start a replacement, with no spare registered: the job waits for the new JVM. */
    TASK_MANAGER_COLD("TaskManager killed, cold replacement"),
    /** SIGKILL a TaskManager while a spare TaskManager is registered and idle; a replacement is started to be the next spare. */
    TASK_MANAGER_WARM("TaskManager killed, warm standby"),
    /** SIGKILL the JobManager and start a new one: ZooKeeper elects it, it takes the job over from the latest checkpoint. */
    JOB_MANAGER("JobManager killed (ZooKeeper HA)"),
    /** S3 answers 503 SlowDown, then resets connections, then answers seconds late. */
    S3("S3: 503 SlowDown, resets, latency"),
    /** The SQS endpoint stops answering (connection refused) and comes back. */
    SQS("SQS down and back");

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    /** What it does, in a few words. */
    public String description() {
        return description;
    }
}
