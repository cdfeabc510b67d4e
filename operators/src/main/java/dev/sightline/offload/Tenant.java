package dev.sightline.offload;

import java.io.Serializable;

/**
 * Who an object belongs to, by the input prefix it arrived under: its scheduling priority and
 * fair-share identifier on AWS Batch, and how many of its tasks may be in flight at once (job-wide).
 *
 * @param name recorded with every compute run
 * @param prefix objects whose URI starts with this belong to the tenant (the longest match wins)
 * @param priority Batch scheduling priority, 0 to 9999 (higher runs first on a fair-share queue)
 * @param shareIdentifier Batch fair-share identifier
 * @param maxInFlight most tasks in flight at once, job-wide; 0 for no limit
 */
public record Tenant(String name, String prefix, int priority, String shareIdentifier, int maxInFlight) implements Serializable {

    /** The tenant of objects no configured prefix covers. */
    public static final String DEFAULT_NAME = "default";

    public Tenant {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("a tenant name is letters, digits, '_' and '-', not '" + name + "'");
        }
        if (priority < 0 || priority > 9999) {
            throw new IllegalArgumentException("tenant " + name + ": priority must be 0 to 9999, not " + priority);
        }
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("tenant " + name + ": max in flight cannot be negative");
        }
        if (shareIdentifier == null || !shareIdentifier.matches("[A-Za-z0-9]{1,255}\\*?")) {
            throw new IllegalArgumentException("tenant " + name + ": a fair-share identifier is up to 255 letters and digits, not '"
                    + shareIdentifier + "'");
        }
    }

    /** A tenant with its share identifier derived from its name (letters and digits only). */
    public static Tenant of(String name, String prefix, int priority, int maxInFlight) {
        String share = name.replaceAll("[^A-Za-z0-9]", "");
        return new Tenant(name, prefix, priority, share.isEmpty() ? "default" : share, maxInFlight);
    }
}
