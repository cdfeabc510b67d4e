package dev.sightline.recovery;

/**
 * What one fault did: milliseconds from the fault to its detection (the job left RUNNING; -1 when
 * it never did, the job riding the fault out), to the job running again, and to the first Iceberg
 * commit after it; and the objects of the batch in flight that were lost or written twice.
 */
public record FaultOutcome(Fault fault, long detectedMs, long runningMs, long firstCommitMs, int objects, int lost, int doubled) {

    /** Whether the job restarted because of it. */
    public boolean restarted() {
        return detectedMs >= 0;
    }
}
