package dev.sightline.cli;

import picocli.CommandLine;

/** Reports the version from the jar's manifest. */
final class SightlineVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SightlineVersion.class.getPackage().getImplementationVersion();
        return new String[] {"sightline " + (version == null ? "(development build)" : version)};
    }
}
