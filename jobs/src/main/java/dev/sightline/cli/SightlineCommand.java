package dev.sightline.cli;

import dev.sightline.config.ConfigException;
import org.apache.flink.client.program.StreamContextEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sightline} command line: run, demo, analyze, sql and config. */
@Command(
        name = "sightline",
        mixinStandardHelpOptions = true,
        versionProvider = SightlineVersion.class,
        description = "Streams video, audio and eye-tracking recordings through Apache Flink into Iceberg tables.",
        subcommands = {
            RunCommand.class,
            BackfillCommand.class,
            DemoCommand.class,
            AnalyzeCommand.class,
            MaintainCommand.class,
            ScenesCommand.class,
            ReportCommand.class,
            WorkerCommand.class,
            SqlCommand.class,
            ConfigCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SightlineCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // JavaCPP (FFmpeg, OpenCV) logs through SLF4J like everything else, not to standard error.
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        int code = execute(args);
        if (launchedByFlinkCluster()) {
            // The JobManager runs this main() (application mode, a jar run through the REST API):
            // exiting the JVM would stop it, so a failure fails the submission instead.
            if (code != 0) {
                throw new IllegalStateException("sightline " + (args.length > 0 ? args[0] : "") + " failed (exit code " + code
                        + "); the reason is in the log above");
            }
            return;
        }
        System.exit(code);
    }

    /** Whether a Flink cluster runs this program (application mode), rather than a shell. */
    private static boolean launchedByFlinkCluster() {
        return StreamExecutionEnvironment.getExecutionEnvironment() instanceof StreamContextEnvironment;
    }

    /** Runs the command line and returns its exit code (0 ok, 1 failure, 2 bad usage or configuration). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for callers that set its output streams. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SightlineCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println("sightline: configuration error: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("sightline: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
