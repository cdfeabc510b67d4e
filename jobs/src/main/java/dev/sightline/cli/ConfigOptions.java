package dev.sightline.cli;

import dev.sightline.config.SightlineConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command shares: a YAML file and {@code --set key=value} overrides. */
final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file (see docs/configuration.md).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key; repeatable.")
    List<String> overrides = new ArrayList<>();

    SightlineConfig load() {
        return SightlineConfig.load(file, overrides);
    }

    /** Loads with extra defaults that the file and --set still override. */
    SightlineConfig load(Map<String, String> commandDefaults) {
        return load().withDefaults(commandDefaults);
    }
}
