package dev.sightline.cli;

import dev.sightline.config.ConfigKey;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sightline config}: checks a configuration and prints every key with its value. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check the configuration and print every key with its effective value.")
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SightlineConfig config = options.load();
        PrintWriter out = spec.commandLine().getOut();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            out.printf("%-22s %s%n", key.name(), config.get(key));
        }
        return 0;
    }
}
