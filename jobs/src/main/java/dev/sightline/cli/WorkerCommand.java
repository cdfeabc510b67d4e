package dev.sightline.cli;

import dev.sightline.cloud.ObjectStore;
import dev.sightline.cloud.RoutingObjectStore;
import dev.sightline.config.InputConfig;
import dev.sightline.config.SightlineConfig;
import dev.sightline.job.TaskWorker;
import dev.sightline.cloud.LocalPaths;
import dev.sightline.offload.LocalProcessBackend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Parameters(paramLabel = "TASK-URI", arity = "0..1", description = "The task document (s3://... or a path).")
    String task;

    @Option(names = "--serve", description = "Run the tasks whose URIs come on standard input, one per line, answering each with a line"
            + " '" + LocalProcessBackend.EXIT_LINE + "CODE' (the local worker pool's long-lived workers); ends at end of input.")
    boolean serve;

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SightlineConfig own = options.load();
        if (serve == (task != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a TASK-URI or --serve");
        }
        try (ObjectStore store = new RoutingObjectStore(InputConfig.aws(own));
                TaskWorker worker = new TaskWorker(own.explicitValues(), store)) {
            if (!serve) {
                return worker.run(uri(task));
            }
            BufferedReader tasks = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintStream answers = System.out;
            String line;
            while ((line = tasks.readLine()) != null) {
                if (!line.isBlank()) {
                    int code = worker.run(uri(line.strip()));
                    answers.println(LocalProcessBackend.EXIT_LINE + code);
                    answers.flush();
                }
            }
            return 0;
        }
    }

    private static String uri(String task) {
        return task.contains("://") || task.startsWith("file:") ? task : LocalPaths.toUri(Path.of(task));
    }
}
