package dev.sightline.cli;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sightline backfill s3://bucket/prefix}: the streaming job as {@code run} starts it, plus a
 * one-time listing of the prefix whose objects go through the same dedupe as notifications.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Run the job with a one-time listing of PREFIX added to its input: objects already there are analysed once, "
                + "deduplicated by object version against the notifications (like run with input.backfill=PREFIX; an input.backfill set in the configuration file or with --set wins).")
final class BackfillCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PREFIX", arity = "0..1",
            description = "An s3://bucket/prefix or a local folder; default: input.prefix (e.g. from the job description file).")
    String prefix;

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SightlineConfig config = options.load();
        String listed = prefix != null ? prefix : config.get(ConfigKeys.INPUT_PREFIX);
        if (listed.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "name the PREFIX to backfill, or set input.prefix (or a job-description)");
        }
        return RunCommand.run(config.withDefaults(Map.of(ConfigKeys.INPUT_BACKFILL.name(), listed)), spec.commandLine().getOut());
    }
}
