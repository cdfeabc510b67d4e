package dev.sightline.cloud;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/** Converts between local paths and the {@code file:} URIs and versions Sightline records. */
public final class LocalPaths {

    private LocalPaths() {}

    /** A path for a {@code file:} URI or a plain path. */
    public static Path toPath(String uriOrPath) {
        if (uriOrPath.startsWith("file:")) {
            return Path.of(URI.create(uriOrPath));
        }
        return Path.of(uriOrPath);
    }

    /**
     * The canonical {@code file:///...} URI of a path, absolute and normalised, without a trailing
     * slash (which {@link Path#toUri} adds for a folder that exists), so a location has one form
     * whether its folder exists yet or not.
     */
    public static String toUri(Path path) {
        String uri = path.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") && !uri.equals("file:///") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** The version of a local file: its modification time, to the millisecond, in ISO-8601. */
    public static String version(Instant lastModified) {
        return Instant.ofEpochMilli(lastModified.toEpochMilli()).toString();
    }
}
