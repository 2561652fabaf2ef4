package org.warrantykit;

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
}
