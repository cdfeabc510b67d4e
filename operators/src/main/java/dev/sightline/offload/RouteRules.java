package dev.sightline.offload;

import dev.sightline.ingest.MediaType;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The routing rules in order: the first that covers an object's media type and whose condition
 * holds decides where it is analysed; an object no rule takes goes to the fallback target.
 */
public record RouteRules(List<RouteRule> rules, RouteTarget fallback) implements Serializable {

    public RouteRules {
        rules = List.copyOf(rules);
    }

    /** Parses rules, one per entry; a bad one fails with its text and what is wrong. */
    public static RouteRules parse(List<String> texts, RouteTarget fallback) {
        return new RouteRules(texts.stream().filter(t -> !t.isBlank()).map(RouteRule::parse).toList(), fallback);
    }

    /** The rule that takes an object, or null when none does (the fallback applies). */
    public RouteRule match(MediaFacts facts) {
        for (RouteRule rule : rules) {
            if (rule.covers(facts.mediaType()) && rule.condition().test(facts)) {
                return rule;
            }
        }
        return null;
    }

    /** Whether deciding on an object of this type may need its duration or picture size. */
    public boolean needsProbe(MediaType type) {
        return rules.stream().anyMatch(r -> r.covers(type) && r.condition().needsProbe());
    }

    /** The queues the rules and the fallback send objects to. */
    public Set<String> queues() {
        java.util.Set<String> queues = new java.util.TreeSet<>();
        rules.stream().map(RouteRule::target).filter(RouteTarget::offload).forEach(t -> queues.add(t.queue()));
        if (fallback.offload()) {
            queues.add(fallback.queue());
        }
        return queues;
    }
}
