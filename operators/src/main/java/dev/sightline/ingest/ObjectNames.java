package dev.sightline.ingest;

import java.util.Locale;

/** The file name and extension of an object URI, used as hints and in messages. */
public final class ObjectNames {

    private ObjectNames() {}

    /** The last path segment of a URI or path. */
    public static String fileName(String uri) {
        String path = uri;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    /** The lower-case extension without the dot, or "" when there is none. */
    public static String extension(String uriOrName) {
        String name = fileName(uriOrName);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
