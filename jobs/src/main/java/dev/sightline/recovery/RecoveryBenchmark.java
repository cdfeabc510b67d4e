package dev.sightline.recovery;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code sightline bench recovery}: runs a {@link RecoveryDrill} and prints, per fault, the time to
 * detect it, to run again and to the first commit after it, and objects lost or doubled; checks
 * the targets (running again within 30 s of a TaskManager kill; nothing lost or doubled).
 */
public final class RecoveryBenchmark {

    /** Seconds within which the job must run again after a TaskManager is killed. */
    static final long TASK_MANAGER_TARGET_MS = 30_000;

    private RecoveryBenchmark() {}

    /** Runs the drill; true when every target was met. */
    public static boolean run(PrintWriter out, Path workDir, RecoveryDrill.Settings settings) throws Exception {
        out.printf("Recovery on a Flink session cluster of separate processes (1 JobManager, TaskManagers of 1 slot, ZooKeeper HA),"
                + " checkpoints every %d s on S3Proxy, input from ElasticMQ; %d cores here%n",
                settings.checkpointInterval().toSeconds(), Runtime.getRuntime().availableProcessors());
        RecoveryDrill.Report report;
        try (RecoveryDrill drill = new RecoveryDrill(workDir, settings, out)) {
            report = drill.run();
        }
        out.printf("%n%d objects (%d small exports, %d videos, %d audio, %d gaze recordings); reference run %.1f s, run through the faults %.1f s%n",
                report.objects(), settings.smallObjects(), settings.videos(), settings.audios(), settings.gazeFiles(),
                report.referenceRun().toMillis() / 1000.0, report.faultyRun().toMillis() / 1000.0);
        out.println();
        out.printf("| fault | detected after | running again after | first commit after | objects in flight | lost | doubled |%n");
        out.printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        boolean met = true;
        for (FaultOutcome o : report.outcomes()) {
            out.printf("| %s | %s | %s | %.1f s | %d | %d | %d |%n", o.fault().description(),
                    o.restarted() ? String.format("%.1f s", o.detectedMs() / 1000.0) : "no restart",
                    o.restarted() ? String.format("%.1f s", o.runningMs() / 1000.0) : "-",
                    o.firstCommitMs() / 1000.0, o.objects(), o.lost(), o.doubled());
            met &= o.lost() == 0 && o.doubled() == 0;
            if (o.fault() == Fault.TASK_MANAGER_COLD || o.fault() == Fault.TASK_MANAGER_WARM) {
                met &= !o.restarted() || o.runningMs() <= TASK_MANAGER_TARGET_MS;
            }
        }
        FaultOutcome cold = find(report, Fault.TASK_MANAGER_COLD);
        FaultOutcome warm = find(report, Fault.TASK_MANAGER_WARM);
        if (cold != null && warm != null && cold.restarted() && warm.restarted()) {
            out.printf("%nWarm standby: one idle TaskManager of 1 slot beside the 2 that run the job costs a third more TaskManager capacity "
                    + "(33%% of the cluster's TaskManagers idle); after a kill the job ran again %.1f s after the fault with it, %.1f s with a "
                    + "replacement started cold (%+.1f s).%n", warm.runningMs() / 1000.0, cold.runningMs() / 1000.0,
                    (warm.runningMs() - cold.runningMs()) / 1000.0);
        }
        out.println();
        out.printf("Tables compared with the fault-free run by checksum over their rows (timing columns aside): %d of %d equal%s%n",
                report.tables() - report.differences().size(), report.tables(), report.differences().isEmpty() ? "" : ":");
        for (Map.Entry<String, String> d : report.differences().entrySet()) {
            out.printf("  %s: %s%n", d.getKey(), d.getValue());
        }
        out.printf("Messages left on the queue: %d%n", report.queueLeft());
        met &= report.differences().isEmpty() && report.queueLeft() == 0;
        out.printf("Targets (running again within %d s of a TaskManager kill; nothing lost, doubled or different; queue empty): %s%n",
                TASK_MANAGER_TARGET_MS / 1000, met ? "met" : "NOT met");
        out.flush();
        return met;
    }

    private static FaultOutcome find(RecoveryDrill.Report report, Fault fault) {
        return report.outcomes().stream().filter(o -> o.fault() == fault).findFirst().orElse(null);
    }
}
