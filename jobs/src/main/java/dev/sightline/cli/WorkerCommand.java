package dev.sightline.cli;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.RoutingObjectStore;
import dev.sightline.config.InputConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.job.TaskWorker;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sightline worker TASK-URI}: runs one offloaded task, as the local worker pool and the
 * AWS Batch job definition do.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run one offloaded analysis task: read the task document, analyse its object, write the result and its marker.",
            "Exit code 0 when analysed, 3 when the input is bad (the result says why), 2 for an unusable task, 1 when the worker failed"
                    + " (worth another attempt). --set gives how to reach the store (aws.*); the task's own settings do the rest."})
final class WorkerCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TASK-URI", description = "The task document (s3://... or a path).")
    String task;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        SightlineConfig own = options.load();
        String uri = task.contains("://") || task.startsWith("file:") ? task
                : dev.sightline.cloud.LocalPaths.toUri(java.nio.file.Path.of(task));
        try (ObjectStore store = new RoutingObjectStore(InputConfig.aws(own));
                TaskWorker worker = new TaskWorker(own.explicitValues(), store)) {
            return worker.run(uri);
        }
    }
}
