package dev.sightline.offload;

import java.io.Serializable;

/** A test on an object's {@link MediaFacts}, from the {@code where} part of a routing rule. */
public interface RouteCondition extends Serializable {

    boolean test(MediaFacts facts);

    /** Whether the test needs the object's duration or picture size (read from its container). */
    boolean needsProbe();

    /** Always true: a rule without {@code where}. */
    RouteCondition ALWAYS = new RouteCondition() {
        @Override
        public boolean test(MediaFacts facts) {
            return true;
        }

        @Override
        public boolean needsProbe() {
            return false;
        }
    };
}
