package dev.sightline.offload;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/** The configured tenants; finds an object's tenant by the longest input prefix its URI starts with. */
public record Tenants(List<Tenant> configured, Tenant fallback) implements Serializable {

    public Tenants {
        configured = configured.stream().sorted(Comparator.comparingInt((Tenant t) -> t.prefix().length()).reversed()).toList();
        long names = configured.stream().map(Tenant::name).distinct().count();
        if (names != configured.size() || configured.stream().anyMatch(t -> t.name().equals(fallback.name()))) {
            throw new IllegalArgumentException("tenant names must be unique (and '" + fallback.name() + "' is the default tenant's)");
        }
    }

    /** Only the default tenant: priority 0, no limit. */
    public static Tenants none() {
        return new Tenants(List.of(), Tenant.of(Tenant.DEFAULT_NAME, "", 0, 0));
    }

    /** The tenant of an object URI. */
    public Tenant of(String uri) {
        for (Tenant tenant : configured) {
            if (uri.startsWith(tenant.prefix())) {
                return tenant;
            }
        }
        return fallback;
    }

    /** Every tenant, the default last. */
    public List<Tenant> all() {
        return java.util.stream.Stream.concat(configured.stream(), java.util.stream.Stream.of(fallback)).toList();
    }
}
