package org.warrantykit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What explains a decision: the rule set that made it and the rules that fired, in firing order.
 */
public record DecisionTrace(String ruleSetVersion, List<String> firedRules) {
    public DecisionTrace {
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        firedRules = List.copyOf(firedRules);
    }

    /** This trace followed by the rules of {@code later}; both must come from one rule set. */
    public DecisionTrace then(DecisionTrace later) {
        if (!ruleSetVersion.equals(later.ruleSetVersion)) {
            throw new IllegalArgumentException("cannot join traces of rule sets " + ruleSetVersion
                    + " and " + later.ruleSetVersion);
        }
        List<String> all = new ArrayList<>(firedRules);
        all.addAll(later.firedRules);
        return new DecisionTrace(ruleSetVersion, all);
    }
}
